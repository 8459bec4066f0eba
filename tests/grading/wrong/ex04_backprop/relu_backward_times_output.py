"""Multiplies by ReLU(x) instead of its derivative.

cell: relu_backward
task: test_relu_backward
hint: not max(x, 0)
mistake: relu-times-output
"""
# ruff: noqa: F821 (the notebook defines np)
def relu_backward(grad_out, x):
    return grad_out * np.maximum(x, 0.0)
