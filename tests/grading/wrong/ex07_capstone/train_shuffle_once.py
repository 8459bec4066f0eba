"""One shuffle before the first epoch, reused.

cell: train
task: test_train
hint: one shuffle before the first epoch
mistake: train-shuffle-once
"""
# ruff: noqa: E501
REPLACE = {
    '    n = len(X)':
        '    n = len(X)\n    order = rng.permutation(n)',
    '        order = rng.permutation(n)  # a new order every epoch, the same for X and y\n':
        '',
}
