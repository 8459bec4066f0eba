"""The history recorded before each epoch's steps.

cell: train
task: test_train
hint: one epoch late
mistake: history-before-epoch
"""
# ruff: noqa: E501
REPLACE = {
    ('        order = rng.permutation(n)  # a new order every epoch, the same for X and y\n'
     '        for start in range(0, n, batch_size):\n'
     '            batch = order[start:start + batch_size]  # the last batch may be smaller\n'
     '            logits = model.forward(X[batch])\n'
     '            loss.forward(logits, y[batch])\n'
     '            model.backward(loss.backward())\n'
     '            optimizer.step(model.gradients())\n'
     '        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):\n'
     '            logits = model.forward(inputs)\n'
     '            history[f"{name}_loss"].append(loss.forward(logits, labels))\n'
     '            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))'):
        ('        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):\n'
         '            logits = model.forward(inputs)\n'
         '            history[f"{name}_loss"].append(loss.forward(logits, labels))\n'
         '            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))\n'
         '        order = rng.permutation(n)\n'
         '        for start in range(0, n, batch_size):\n'
         '            batch = order[start:start + batch_size]\n'
         '            logits = model.forward(X[batch])\n'
         '            loss.forward(logits, y[batch])\n'
         '            model.backward(loss.backward())\n'
         '            optimizer.step(model.gradients())'),
}
