"""The row sums lose their axis and broadcast along the rows.

cell: softmax_backward
task: test_softmax_backward
hint: your row sums lost their axis
mistake: softmax-sum-without-keepdims
"""
# ruff: noqa: F821 (the notebook defines np)
def softmax_backward(grad_out, probs):
    shared = np.sum(grad_out * probs, axis=1)
    return probs * (grad_out - shared)
