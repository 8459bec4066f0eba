"""A learning rate of 0.01 written into the loop.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: your steps do not depend on lr
mistake: lr-ignored
"""
REPLACE = {
    'w = w - lr * grad_w': 'w = w - 0.01 * grad_w',
    'b = b - lr * grad_b': 'b = b - 0.01 * grad_b',
}
