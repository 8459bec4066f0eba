"""Forgets the square: 1 - A.

cell: tanh_backward
task: test_tanh_backward
hint: your derivative is 1 - A;
mistake: tanh-square-missing
"""
def tanh_backward(grad_out, out):
    return grad_out * (1.0 - out)
