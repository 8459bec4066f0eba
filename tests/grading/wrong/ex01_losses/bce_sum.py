"""Summed over the examples instead of averaged.

cell: binary_cross_entropy
task: test_binary_cross_entropy
hint: off by a factor of N
mistake: sum-not-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy(logits, targets):
    z, y = logits, targets
    return float(np.sum(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))
