"""The half-stable form (1 - y) z + log(1 + exp(-z)): exp(800) overflows.

cell: binary_cross_entropy
task: test_binary_cross_entropy
hint: np.exp(-z) overflows
mistake: exp-overflow
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy(logits, targets):
    z, y = logits, targets
    return float(np.mean((1 - y) * z + np.log(1 + np.exp(-z))))
