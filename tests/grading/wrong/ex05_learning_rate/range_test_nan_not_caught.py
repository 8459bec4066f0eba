"""Tests only the smoothed loss, so a NaN never stops the test.

cell: lr_range_test
task: test_lr_range_test
hint: your test runs on after the loss became NaN
mistake: range-test-nan-not-caught
"""
REPLACE = {
    'not np.isfinite(loss) or ': '',
}
