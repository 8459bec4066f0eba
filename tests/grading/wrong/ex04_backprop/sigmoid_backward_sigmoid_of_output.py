"""Treats the forward output as the input and applies the sigmoid again.

cell: sigmoid_backward
task: test_sigmoid_backward
hint: you applied the sigmoid to `out` again
mistake: sigmoid-of-output
"""
# ruff: noqa: F821 (the notebook defines np)
def sigmoid_backward(grad_out, out):
    s = 1.0 / (1.0 + np.exp(-out))
    return grad_out * s * (1.0 - s)
