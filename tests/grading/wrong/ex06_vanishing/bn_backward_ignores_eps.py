"""Hard-codes ε = 1e-5.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: not the eps argument
mistake: eps-ignored
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    n = len(x)
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + 1e-5)
    xhat = (x - x.mean(axis=0)) * inv_std
    dgamma = np.sum(grad_out * xhat, axis=0)
    dbeta = np.sum(grad_out, axis=0)
    dxhat = grad_out * gamma
    dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))
    return dx, dgamma, dbeta
