"""The training accuracy counted on the mini-batches as they train.

cell: train
task: test_train
hint: accuracy of the mini-batches during the epoch
mistake: train-running-accuracy
"""
# ruff: noqa: E501
REPLACE = {
    '        order = rng.permutation(n)  # a new order every epoch, the same for X and y':
        '        order = rng.permutation(n)\n        correct = 0',
    '            loss.forward(logits, y[batch])':
        ('            loss.forward(logits, y[batch])\n'
         '            correct += int(np.sum(logits.argmax(axis=1) == y[batch]))'),
    ('        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):\n'
     '            logits = model.forward(inputs)\n'
     '            history[f"{name}_loss"].append(loss.forward(logits, labels))\n'
     '            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))'):
        ('        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):\n'
         '            logits = model.forward(inputs)\n'
         '            history[f"{name}_loss"].append(loss.forward(logits, labels))\n'
         '            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))\n'
         '        history["train_accuracy"][-1] = correct / n'),
}
