"""No floor on the denominator: 0/0 = NaN where both entries are zero.

cell: relative_error
task: test_relative_error
hint: you divide 0 by 0
mistake: no-denominator-floor
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))
