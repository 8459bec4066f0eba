"""The bias gradient averaged over the batch: the 1/N of the loss counted twice.

cell: linear_backward
task: test_linear_backward
hint: db is the mean of the rows of grad_out
mistake: linear-bias-mean
"""
def linear_backward(grad_out, x, W):
    return grad_out @ W.T, x.T @ grad_out, grad_out.mean(axis=0)
