"""The seed ignored: the same network for every seed.

cell: train_final
task: test_train_final
hint: ignores its seed
mistake: final_ignores_seed
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
def train_final(X_train, y_train, X_val, y_val, seed):
    """Build and train the network for the digits; return (model, history)."""
    init_rng = np.random.default_rng(0)
    model = Sequential(Linear(64, 64, rng=init_rng), ReLU(), Linear(64, 10, rng=init_rng))
    optimizer = Adam(model.parameters(), lr=0.01)  # the range test's suggestion, rounded
    history = train(model, SoftmaxCrossEntropy(), optimizer, X_train, y_train, X_val, y_val,
                    epochs=10, batch_size=64, rng=np.random.default_rng(1))
    return model, history
