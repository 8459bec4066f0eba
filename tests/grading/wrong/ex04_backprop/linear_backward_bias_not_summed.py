"""The bias gradient left with one row per example instead of summed over the batch.

cell: linear_backward
task: test_linear_backward
hint: so its gradient is the sum of the rows
mistake: grad-not-summed
"""
# ruff: noqa: F821 (the notebook defines np)
def linear_backward(grad_out, x, W):
    dx = grad_out @ W.T
    dW = x.T @ grad_out
    db = grad_out
    return dx, dW, db
