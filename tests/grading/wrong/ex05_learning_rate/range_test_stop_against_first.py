"""Compares the smoothed loss with its first value.

cell: lr_range_test
task: test_lr_range_test
hint: you compared s_t with the first smoothed loss
mistake: range-test-stop-against-first
"""
REPLACE = {
    'explode * min(smoothed)': 'explode * smoothed[0]',
}
