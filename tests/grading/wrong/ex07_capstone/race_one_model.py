"""One network for every optimizer.

cell: race
task: test_race
hint: continued training the network
mistake: race_one_model
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
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
    histories = {}
    model = make_model(np.random.default_rng(seed))
    for name, make_optimizer in optimizers.items():
        optimizer = make_optimizer(model.parameters())
        histories[name] = train(model, SoftmaxCrossEntropy(), optimizer, X_train, y_train,
                                X_val, y_val, epochs=epochs, batch_size=batch_size,
                                rng=np.random.default_rng(seed + 1))  # the same batches
    winner = max(histories, key=lambda name: (histories[name]["val_accuracy"][-1],
                                              -histories[name]["val_loss"][-1]))
    return histories, winner
