"""rng.shuffle of an index array (the same draws as rng.permutation), X and y reordered once per
epoch, and a helper for the evaluation.

cell: train
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
def _evaluate(model, loss, X, y):
    logits = model.forward(X)
    return loss.forward(logits, y), np.mean(np.argmax(logits, axis=1) == y)


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
        order = np.arange(n)
        rng.shuffle(order)
        X_epoch, y_epoch = X[order], y[order]
        for start in range(0, n, batch_size):
            logits = model.forward(X_epoch[start:start + batch_size])
            loss.forward(logits, y_epoch[start:start + batch_size])
            model.backward(loss.backward())
            optimizer.step(model.gradients())
        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):
            value, accuracy = _evaluate(model, loss, inputs, labels)
            history[name + "_loss"].append(value)
            history[name + "_accuracy"].append(accuracy)
    return history
