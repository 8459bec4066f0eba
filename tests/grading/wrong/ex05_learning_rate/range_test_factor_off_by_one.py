"""Computes q with K instead of K - 1.

cell: lr_range_test
task: test_lr_range_test
hint: your last rate falls short of lr_max
mistake: range-test-factor-off-by-one
"""
REPLACE = {
    '(1.0 / (steps - 1))': '(1.0 / steps)',
}
