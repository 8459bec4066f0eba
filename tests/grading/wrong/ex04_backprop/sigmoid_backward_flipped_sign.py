"""Writes the derivative as A(A - 1).

cell: sigmoid_backward
task: test_sigmoid_backward
hint: σ'(Z) = A(1 - A) is positive
mistake: sigmoid-flipped-sign
"""
def sigmoid_backward(grad_out, out):
    return grad_out * out * (out - 1.0)
