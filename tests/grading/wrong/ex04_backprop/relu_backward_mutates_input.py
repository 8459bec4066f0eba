"""Zeroes grad_out in place and returns it: the caller's gradient array is destroyed.

cell: relu_backward
task: test_relu_backward
hint: changed its input `grad_out` in place
mistake: mutates-input
"""
def relu_backward(grad_out, x):
    grad_out[x <= 0] = 0.0
    return grad_out
