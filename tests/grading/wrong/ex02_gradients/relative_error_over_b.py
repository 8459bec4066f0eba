"""Relative to b alone.

cell: relative_error
task: test_relative_error
hint: you divide by |b| only
mistake: denominator-b-only
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), TINY))) if np.size(a) else 0.0
