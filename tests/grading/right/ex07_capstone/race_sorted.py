"""Histories from a dict comprehension over a helper; the winner from sorted() with an explicit
tie-break.

cell: race
"""
# ruff: noqa: E501
REPLACE = {
    ('    histories = {}\n'
     '    for name, make_optimizer in optimizers.items():\n'
     '        model = make_model(np.random.default_rng(seed))  # the same initial weights for each\n'
     '        optimizer = make_optimizer(model.parameters())\n'
     '        histories[name] = train(model, SoftmaxCrossEntropy(), optimizer, X_train, y_train,\n'
     '                                X_val, y_val, epochs=epochs, batch_size=batch_size,\n'
     '                                rng=np.random.default_rng(seed + 1))  # the same batches\n'
     '    winner = max(histories, key=lambda name: (histories[name]["val_accuracy"][-1],\n'
     '                                              -histories[name]["val_loss"][-1]))\n'
     '    return histories, winner'):
        ('    def one_run(make_optimizer):\n'
         '        model = make_model(np.random.default_rng(seed))\n'
         '        return train(model, SoftmaxCrossEntropy(), make_optimizer(model.parameters()),\n'
         '                     X_train, y_train, X_val, y_val, epochs=epochs, batch_size=batch_size,\n'
         '                     rng=np.random.default_rng(seed + 1))\n'
         '\n'
         '    histories = {name: one_run(make) for name, make in optimizers.items()}\n'
         '    order = list(histories)\n'
         '    ranked = sorted(order, key=lambda n: (-histories[n]["val_accuracy"][-1],\n'
         '                                          histories[n]["val_loss"][-1], order.index(n)))\n'
         '    return histories, ranked[0]'),
}
