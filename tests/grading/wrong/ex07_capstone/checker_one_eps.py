"""The central difference divided by ε instead of 2ε.

cell: gradient_check_model
task: test_gradient_check_model
hint: divides by 2ε
mistake: central-difference-half
"""
# ruff: noqa: E501
REPLACE = {
    '            numerical[idx] = (j_plus - j_minus) / (2 * eps)':
        '            numerical[idx] = (j_plus - j_minus) / eps',
}
