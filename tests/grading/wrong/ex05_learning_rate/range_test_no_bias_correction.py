"""Returns the running average without the bias correction.

cell: lr_range_test
task: test_lr_range_test
hint: which starts near 0 because a_0 = 0
mistake: range-test-no-bias-correction
"""
REPLACE = {
    'smoothed.append(avg / (1 - beta**t))': 'smoothed.append(avg)',
}
