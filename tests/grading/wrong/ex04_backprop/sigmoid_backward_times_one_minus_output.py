"""Multiplies by 1 - A alone.

cell: sigmoid_backward
task: test_sigmoid_backward
hint: you multiplied grad_out by (1 - A) alone
mistake: sigmoid-times-one-minus-output
"""
def sigmoid_backward(grad_out, out):
    return grad_out * (1.0 - out)
