"""The perturbed entry is left at θ - ε.

cell: gradient_check_model
task: test_gradient_check_model
hint: put each entry back
mistake: x-not-restored
"""
# ruff: noqa: E501
REPLACE = {
    '            p[idx] = old  # put the entry back exactly':
        '            pass',
}
