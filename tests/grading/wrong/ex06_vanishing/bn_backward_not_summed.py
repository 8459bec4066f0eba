"""Keeps one row per example in dgamma and dbeta.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: so its gradient is the sum of the rows
mistake: grad-not-summed
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    n = len(x)
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) * inv_std
    dgamma = grad_out * xhat
    dbeta = grad_out
    dxhat = grad_out * gamma
    dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))
    return dx, dgamma, dbeta
