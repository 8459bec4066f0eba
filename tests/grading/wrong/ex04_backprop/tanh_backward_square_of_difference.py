"""Squares the difference: (1 - A)².

cell: tanh_backward
task: test_tanh_backward
hint: you squared (1 - A)
mistake: tanh-square-of-difference
"""
def tanh_backward(grad_out, out):
    return grad_out * (1.0 - out) ** 2
