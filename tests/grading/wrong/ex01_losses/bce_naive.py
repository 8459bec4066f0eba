"""The formula as written: log of σ(z), which rounds to 1 for z = 800.

cell: binary_cross_entropy
task: test_binary_cross_entropy
hint: you take the log of σ(z)
mistake: log-of-sigmoid
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy(logits, targets):
    p = 1.0 / (1.0 + np.exp(-logits))
    return float(np.mean(-(targets * np.log(p) + (1 - targets) * np.log(1 - p))))
