"""No floor on the relative error's denominator: two zero gradients give 0/0.

cell: gradient_check_model
task: test_gradient_check_model
hint: is 0/0
mistake: no-denominator-floor
"""
# ruff: noqa: E501
REPLACE = {
    '        relative = np.abs(a - numerical) / np.maximum(np.abs(a) + np.abs(numerical), 1e-12)':
        '        relative = np.abs(a - numerical) / (np.abs(a) + np.abs(numerical))',
}
