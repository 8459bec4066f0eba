"""Differentiates the softmax entry by entry, like the sigmoid.

cell: softmax_backward
task: test_softmax_backward
hint: as if the softmax worked entry by entry
mistake: softmax-diagonal-only
"""
def softmax_backward(grad_out, probs):
    return grad_out * probs * (1.0 - probs)
