"""A learning rate far above the range test's minimum.

cell: train_final
task: test_train_final
hint: the training loss rose
mistake: final_diverges
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
def train_final(X_train, y_train, X_val, y_val, seed):
    """Build and train the network for the digits; return (model, history)."""
    init_rng = np.random.default_rng(seed)
    model = Sequential(Linear(64, 64, rng=init_rng), ReLU(), Linear(64, 10, rng=init_rng))
    optimizer = SGD(model.parameters(), lr=3.0, momentum=0.9)
    history = train(model, SoftmaxCrossEntropy(), optimizer, X_train, y_train, X_val, y_val,
                    epochs=10, batch_size=64, rng=np.random.default_rng(seed + 1))
    return model, history
