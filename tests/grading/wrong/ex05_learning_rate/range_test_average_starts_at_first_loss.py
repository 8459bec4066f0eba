"""Starts the average at the first loss, without bias correction.

cell: lr_range_test
task: test_lr_range_test
hint: you started the average at the first loss
mistake: range-test-average-starts-at-first-loss
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'avg = beta * avg + (1 - beta) * loss': 'avg = loss if t == 1 else beta * avg + (1 - beta) * loss',
    'smoothed.append(avg / (1 - beta**t))': 'smoothed.append(avg)',
}
