"""A hard-coded step h = 1e-5: the eps argument is ignored.

cell: numerical_gradient
task: test_numerical_gradient
hint: not for the eps the function was given
mistake: ignores-eps
"""
REPLACE = {
    'old + eps': 'old + 1e-5',
    'old - eps': 'old - 1e-5',
    '(2.0 * eps)': '(2.0 * 1e-5)',
}
