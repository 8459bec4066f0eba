"""No shuffling: the same batches every epoch.

cell: train
task: test_train
hint: the data's own order
mistake: train-no-shuffle
"""
# ruff: noqa: E501
REPLACE = {
    '        order = rng.permutation(n)  # a new order every epoch, the same for X and y':
        '        order = np.arange(n)',
}
