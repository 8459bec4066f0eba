"""Keeps the path through the variance, drops the one through the mean.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: you included the path through the variance s_B² but not the one
mistake: bn-variance-term-only
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    len(x)
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) * inv_std
    dgamma = np.sum(grad_out * xhat, axis=0)
    dbeta = np.sum(grad_out, axis=0)
    dxhat = grad_out * gamma
    dx = inv_std * (dxhat - xhat * np.mean(dxhat * xhat, axis=0))
    return dx, dgamma, dbeta
