"""Writes the derivative as A² - 1.

cell: tanh_backward
task: test_tanh_backward
hint: tanh'(Z) = 1 - A² is positive
mistake: tanh-flipped-sign
"""
def tanh_backward(grad_out, out):
    return grad_out * (out**2 - 1.0)
