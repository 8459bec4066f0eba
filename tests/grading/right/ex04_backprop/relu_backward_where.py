"""np.where instead of a product with the mask.

cell: relu_backward
"""
# ruff: noqa: F821 (the notebook defines np)
def relu_backward(grad_out, x):
    return np.where(x > 0, grad_out, 0.0)
