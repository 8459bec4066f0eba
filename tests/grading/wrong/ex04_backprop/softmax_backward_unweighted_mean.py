"""Subtracts the plain row sum of dP.

cell: softmax_backward
task: test_softmax_backward
hint: the term you subtract is the plain row sum of dP
mistake: softmax-unweighted-sum
"""
def softmax_backward(grad_out, probs):
    return probs * (grad_out - grad_out.sum(axis=1, keepdims=True))
