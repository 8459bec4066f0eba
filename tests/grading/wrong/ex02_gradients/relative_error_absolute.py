"""The largest absolute difference, not divided by anything.

cell: relative_error
task: test_relative_error
hint: that is the absolute error
mistake: absolute-error
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    return float(np.max(np.abs(a - b))) if np.size(a) else 0.0
