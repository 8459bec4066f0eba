"""Central difference divided by eps instead of 2·eps.

cell: numerical_gradient
task: test_numerical_gradient
hint: divide by 2·eps, not by eps
mistake: central-difference-half
"""
REPLACE = {
    '/ (2.0 * eps)': '/ eps',
}
