"""Histories from a dict comprehension over a helper; the winner from sorted() with an explicit
tie-break.

cell: race
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
def race(make_model, optimizers, X_train, y_train, X_val, y_val, *, epochs, batch_size, seed):
    """Train one fresh network per optimizer on the same budget; return the histories and the
    name of the winner (highest final validation accuracy, then lowest validation loss).

    Parameters
    ----------
    make_model : callable
        ``make_model(rng)`` returns a new network whose initial weights come from ``rng``.
    optimizers : dict of str to callable
        ``optimizers[name](params)`` returns an optimizer for those parameters.
    X_train, y_train, X_val, y_val : ndarray
    epochs, batch_size, seed : int

    Returns
    -------
    histories : dict of str to dict
        The history of ``train`` for each name, in the order of ``optimizers``.
    winner : str
    """
    def one_run(make_optimizer):
        model = make_model(np.random.default_rng(seed))
        return train(model, SoftmaxCrossEntropy(), make_optimizer(model.parameters()),
                     X_train, y_train, X_val, y_val, epochs=epochs, batch_size=batch_size,
                     rng=np.random.default_rng(seed + 1))

    histories = {name: one_run(make) for name, make in optimizers.items()}
    order = list(histories)
    ranked = sorted(order, key=lambda n: (-histories[n]["val_accuracy"][-1],
                                          histories[n]["val_loss"][-1], order.index(n)))
    return histories, ranked[0]
