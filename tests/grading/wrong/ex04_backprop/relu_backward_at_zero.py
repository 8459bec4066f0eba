"""Lets the gradient through where the input is exactly 0.

cell: relu_backward
task: test_relu_backward
hint: at x = 0 the gradient should be 0
mistake: relu-at-zero
"""
def relu_backward(grad_out, x):
    return grad_out * (x >= 0)
