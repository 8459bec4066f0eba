"""train_step trains on the first batch at every call.

cell: find_lr
task: test_find_lr
hint: trained on the same mini-batch
mistake: find-lr-same-batch
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
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
    loss, rng, batches = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1), []

    def train_step(lr):
        if not batches:  # the epoch is used up: a new order
            order = rng.permutation(len(X))
            batches.extend(order[i:i + batch_size] for i in range(0, len(X), batch_size))
        batch = batches[0]
        with np.errstate(over="ignore", invalid="ignore"):  # a run that blows up overflows
            value = loss.forward(model.forward(X[batch]), y[batch])
            model.backward(loss.backward())
            optimizer.lr = lr
            optimizer.step(model.gradients())
        return value

    lrs, smoothed = lr_range_test(train_step, lr_min, lr_max, steps)
    return lrs, smoothed, float(lrs[np.nanargmin(smoothed)] / 10)
