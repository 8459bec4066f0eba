"""The mean of the entrywise errors instead of the largest.

cell: relative_error
task: test_relative_error
hint: the mean of the entrywise errors
mistake: mean-not-max
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    errors = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), TINY)
    return float(errors.mean()) if errors.size else 0.0
