"""σ(z)/N, forgetting to subtract the targets.

cell: binary_cross_entropy_grad
task: test_binary_cross_entropy_grad
hint: you returned σ(z)/N
mistake: forgot-targets
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy_grad(logits, targets):
    return 1.0 / (1.0 + np.exp(-logits)) / logits.size
