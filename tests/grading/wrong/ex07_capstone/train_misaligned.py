"""X and y shuffled with separate permutations.

cell: train
task: test_train
hint: two different permutations
mistake: train-misaligned-shuffle
"""
# ruff: noqa: E501
REPLACE = {
    ('        order = rng.permutation(n)  # a new order every epoch, the same for X and y\n'
     '        for start in range(0, n, batch_size):\n'
     '            batch = order[start:start + batch_size]  # the last batch may be smaller\n'
     '            logits = model.forward(X[batch])\n'
     '            loss.forward(logits, y[batch])'):
        ('        X_shuffled, y_shuffled = rng.permutation(X), rng.permutation(y)\n'
         '        for start in range(0, n, batch_size):\n'
         '            logits = model.forward(X_shuffled[start:start + batch_size])\n'
         '            loss.forward(logits, y_shuffled[start:start + batch_size])'),
}
