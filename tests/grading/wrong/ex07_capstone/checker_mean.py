"""The mean relative error of each array instead of the largest.

cell: gradient_check_model
task: test_gradient_check_model
hint: mean relative error of each array
mistake: mean-not-max
"""
# ruff: noqa: E501
REPLACE = {
    '        errors.append(float(relative.max()))':
        '        errors.append(float(relative.mean()))',
}
