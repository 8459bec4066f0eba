"""The relative error divided by max(|a|, |n|).

cell: gradient_check_model
task: test_gradient_check_model
hint: divide by max(|a|, |n|)
mistake: max-denominator
"""
# ruff: noqa: E501
REPLACE = {
    '        relative = np.abs(a - numerical) / np.maximum(np.abs(a) + np.abs(numerical), 1e-12)':
        '        relative = np.abs(a - numerical) / np.maximum(np.maximum(np.abs(a), np.abs(numerical)), 1e-12)',
}
