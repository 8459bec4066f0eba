"""The last, smaller batch left out.

cell: train
task: test_train
hint: leaves out the last, smaller batch
mistake: train-drops-last-batch
"""
# ruff: noqa: E501
REPLACE = {
    '        for start in range(0, n, batch_size):':
        '        for start in range(0, n - batch_size + 1, batch_size):',
}
