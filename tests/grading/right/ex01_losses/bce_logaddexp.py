"""Softplus through np.logaddexp: log(1 + e^z) - z·y.

cell: binary_cross_entropy
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy(logits, targets):
    return float(np.mean(np.logaddexp(0.0, logits) - logits * targets))
