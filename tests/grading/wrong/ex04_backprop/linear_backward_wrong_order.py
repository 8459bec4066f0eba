"""Returns dW first: the gradients in the order of the formula's derivation, not of the task.

cell: linear_backward
task: test_linear_backward
hint: return them in the order dx, dW, db
mistake: linear-return-order
"""
def linear_backward(grad_out, x, W):
    dW = x.T @ grad_out
    dx = grad_out @ W.T
    db = grad_out.sum(axis=0)
    return dW, dx, db
