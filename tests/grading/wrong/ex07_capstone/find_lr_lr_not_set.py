"""train_step never sets the optimizer's learning rate.

cell: find_lr
task: test_find_lr
hint: never passes the range test's rate to the optimizer
mistake: find-lr-rate-not-set
"""
# ruff: noqa: E501
REPLACE = {
    '            optimizer.lr = lr\n':
        '',
}
