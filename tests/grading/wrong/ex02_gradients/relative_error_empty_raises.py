"""np.max of the errors with no check for empty arrays: a ValueError.

cell: relative_error
task: test_relative_error
hint: For empty arrays the task asks for 0.0
mistake: empty-arrays
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    errors = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), TINY)
    return float(np.max(errors))
