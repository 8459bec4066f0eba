"""The weight gradient with the transpose on the wrong factor: Gᵀ x instead of xᵀ G.

cell: linear_backward
task: test_linear_backward
hint: it is transposed
mistake: transposed-weight-grad
"""
def linear_backward(grad_out, x, W):
    return grad_out @ W.T, grad_out.T @ x, grad_out.sum(axis=0)
