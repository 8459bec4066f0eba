"""X and y shuffled with separate permutations.

cell: train
task: test_train
hint: two different permutations
mistake: train_misaligned
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
def train(model, loss, optimizer, X, y, X_val, y_val, *, epochs, batch_size, rng):
    """Mini-batch training; the loss and accuracy of both sets after every epoch.

    Parameters
    ----------
    model : network (Task 4)
    loss : loss (Task 3)
    optimizer : optimizer built on model.parameters() (Tasks 6 and 7)
    X : ndarray of shape (N, D)
    y : ndarray of shape (N,), integer labels
    X_val, y_val : the validation set, shapes (N_val, D) and (N_val,)
    epochs, batch_size : int
    rng : numpy.random.Generator
        Draws the order of the examples, once per epoch.

    Returns
    -------
    dict of str to list of float
        ``"train_loss"``, ``"train_accuracy"``, ``"val_loss"``, ``"val_accuracy"``: one entry
        per epoch, measured after the epoch's last step.
    """
    history = {"train_loss": [], "train_accuracy": [], "val_loss": [], "val_accuracy": []}
    n = len(X)
    for _ in range(epochs):
        X_shuffled, y_shuffled = rng.permutation(X), rng.permutation(y)
        for start in range(0, n, batch_size):
            logits = model.forward(X_shuffled[start:start + batch_size])
            loss.forward(logits, y_shuffled[start:start + batch_size])
            model.backward(loss.backward())
            optimizer.step(model.gradients())
        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):
            logits = model.forward(inputs)
            history[f"{name}_loss"].append(loss.forward(logits, labels))
            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))
    return history
