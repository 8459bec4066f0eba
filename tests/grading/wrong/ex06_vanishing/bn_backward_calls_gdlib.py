"""Runs gdlib.nn.BatchNorm1d forward and backward.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook defines np and gdlib)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    layer = gdlib.nn.BatchNorm1d(x.shape[1], eps=eps)
    layer.gamma[...] = gamma
    layer.forward(x)
    dx = layer.backward(grad_out)
    return dx, layer.dgamma.copy(), layer.dbeta.copy()
