"""Returns σ'(Z) without the incoming gradient.

cell: sigmoid_backward
task: test_sigmoid_backward
hint: you returned the local derivative A(1 - A) alone
mistake: sigmoid-local-only
"""
def sigmoid_backward(grad_out, out):
    return out * (1.0 - out)
