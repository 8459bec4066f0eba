"""np.max(..., initial=0.0) for the empty case, and a reciprocal instead of a division.

cell: relative_error
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
TINY = 1e-12


def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = 1.0 / np.maximum(np.abs(a) + np.abs(b), TINY)
    return float(np.max(np.abs(a - b) * scale, initial=0.0))
