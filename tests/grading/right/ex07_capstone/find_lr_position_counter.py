"""A position in the epoch's order instead of a list of batches.

cell: find_lr
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
def find_lr(make_model, make_optimizer, X, y, *, lr_min, lr_max, steps, batch_size, seed):
    """The range test on a fresh network; return its rates, smoothed losses and a suggestion.

    Parameters
    ----------
    make_model : callable
        ``make_model(rng)`` returns a new network whose initial weights come from ``rng``.
    make_optimizer : callable
        ``make_optimizer(params)`` returns an optimizer for those parameters.
    X : ndarray of shape (N, D)
    y : ndarray of shape (N,), integer labels
    lr_min, lr_max : float
    steps, batch_size, seed : int

    Returns
    -------
    lrs, smoothed : ndarray
        What lr_range_test returns.
    suggested : float
        A tenth of the rate at the lowest smoothed loss.
    """
    model = make_model(np.random.default_rng(seed))
    optimizer = make_optimizer(model.parameters())
    loss, rng = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1)
    state = {"order": None, "at": 0}

    def train_step(lr):
        if state["order"] is None or state["at"] >= len(X):
            state["order"], state["at"] = rng.permutation(len(X)), 0
        batch = state["order"][state["at"]:state["at"] + batch_size]
        state["at"] += batch_size
        with np.errstate(over="ignore", invalid="ignore"):  # a run that blows up overflows
            value = loss.forward(model.forward(X[batch]), y[batch])
            model.backward(loss.backward())
            optimizer.lr = lr
            optimizer.step(model.gradients())
        return value

    lrs, smoothed = lr_range_test(train_step, lr_min, lr_max, steps)
    return lrs, smoothed, float(lrs[np.nanargmin(smoothed)] / 10)
