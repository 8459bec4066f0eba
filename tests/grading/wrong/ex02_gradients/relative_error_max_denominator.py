"""max(|a|, |b|) in the denominator, another convention.

cell: relative_error
task: test_relative_error
hint: your denominator is max(|a|, |b|)
mistake: max-denominator
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    d = np.maximum(np.maximum(np.abs(a), np.abs(b)), TINY)
    return float(np.max(np.abs(a - b) / d)) if np.size(a) else 0.0
