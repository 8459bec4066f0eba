"""Label minus probability: the gradient points the wrong way.

cell: binary_cross_entropy_grad
task: test_binary_cross_entropy_grad
hint: it points uphill
mistake: sign-flipped
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy_grad(logits, targets):
    return (targets - 1.0 / (1.0 + np.exp(-logits))) / logits.size
