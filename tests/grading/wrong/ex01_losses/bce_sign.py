"""The stable form with + z·y instead of - z·y.

cell: binary_cross_entropy
task: test_binary_cross_entropy
hint: the term z·y has the wrong sign
mistake: bce-sign
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy(logits, targets):
    z, y = logits, targets
    return float(np.mean(np.maximum(z, 0.0) + z * y + np.log1p(np.exp(-np.abs(z)))))
