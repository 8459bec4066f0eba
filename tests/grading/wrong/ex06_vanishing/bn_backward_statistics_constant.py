"""Treats the batch mean and variance as constants.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: you treated m_B and s_B² as constants
mistake: bn-statistics-constant
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    len(x)
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) * inv_std
    dgamma = np.sum(grad_out * xhat, axis=0)
    dbeta = np.sum(grad_out, axis=0)
    dxhat = grad_out * gamma
    dx = dxhat * inv_std
    return dx, dgamma, dbeta
