"""Uses gdlib.losses.sigmoid, which the rules allow.

cell: binary_cross_entropy_grad
"""
# ruff: noqa: F821 (gdlib is imported by the notebook's first cell)
def binary_cross_entropy_grad(logits, targets):
    return (gdlib.losses.sigmoid(logits) - targets) / logits.size
