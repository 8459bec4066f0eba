"""Calls numerical_gradient without passing eps on.

cell: gradient_check
task: test_gradient_check
hint: not for the eps the check was given
mistake: check-ignores-eps
"""
REPLACE = {
    'numerical_gradient(f, x, eps)': 'numerical_gradient(f, x)',
}
