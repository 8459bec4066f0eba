"""Spaces the rates linearly.

cell: lr_range_test
task: test_lr_range_test
hint: your rates are spaced linearly
mistake: range-test-linear-sweep
"""
REPLACE = {
    'lr = lr_min * q ** (t - 1)': 'lr = lr_min + (lr_max - lr_min) * (t - 1) / (steps - 1)',
}
