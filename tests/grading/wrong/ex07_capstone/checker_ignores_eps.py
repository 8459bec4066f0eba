"""A step of 1e-6 hard-coded, whatever eps is passed.

cell: gradient_check_model
task: test_gradient_check_model
hint: whatever eps is passed
mistake: ignores-eps
"""
# ruff: noqa: E501
REPLACE = {
    '            p[idx] = old + eps':
        '            p[idx] = old + 1e-6',
    '            p[idx] = old - eps':
        '            p[idx] = old - 1e-6',
    '            numerical[idx] = (j_plus - j_minus) / (2 * eps)':
        '            numerical[idx] = (j_plus - j_minus) / 2e-6',
}
