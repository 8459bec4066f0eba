"""rng.shuffle of an index array (the same draws as rng.permutation), X and y reordered once per
epoch, and a helper for the evaluation.

cell: train
"""
# ruff: noqa: E501
REPLACE = {
    ('        order = rng.permutation(n)  # a new order every epoch, the same for X and y\n'
     '        for start in range(0, n, batch_size):\n'
     '            batch = order[start:start + batch_size]  # the last batch may be smaller\n'
     '            logits = model.forward(X[batch])\n'
     '            loss.forward(logits, y[batch])'):
        ('        order = np.arange(n)\n'
         '        rng.shuffle(order)\n'
         '        X_epoch, y_epoch = X[order], y[order]\n'
         '        for start in range(0, n, batch_size):\n'
         '            logits = model.forward(X_epoch[start:start + batch_size])\n'
         '            loss.forward(logits, y_epoch[start:start + batch_size])'),
    ('        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):\n'
     '            logits = model.forward(inputs)\n'
     '            history[f"{name}_loss"].append(loss.forward(logits, labels))\n'
     '            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))'):
        ('        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):\n'
         '            value, accuracy = _evaluate(model, loss, inputs, labels)\n'
         '            history[name + "_loss"].append(value)\n'
         '            history[name + "_accuracy"].append(accuracy)'),
    'def train(':
        ('def _evaluate(model, loss, X, y):\n'
         '    logits = model.forward(X)\n'
         '    return loss.forward(logits, y), np.mean(np.argmax(logits, axis=1) == y)\n'
         '\n'
         '\n'
         'def train('),
}
