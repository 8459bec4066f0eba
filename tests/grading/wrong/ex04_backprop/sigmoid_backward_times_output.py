"""Multiplies by the output alone.

cell: sigmoid_backward
task: test_sigmoid_backward
hint: you multiplied grad_out by A alone
mistake: sigmoid-times-output
"""
def sigmoid_backward(grad_out, out):
    return grad_out * out
