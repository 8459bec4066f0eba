"""Differentiates a variance divided by N - 1 (CS231n's staged graph with ddof=1).

cell: batchnorm_backward
task: test_batchnorm_backward
hint: your dx differentiates a variance divided by N - 1
mistake: bn-backward-unbiased
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    n = len(x)
    mu = x.mean(axis=0)
    d = x - mu
    var = np.sum(d**2, axis=0) / (n - 1)
    inv_std = 1.0 / np.sqrt(var + eps)
    d * inv_std
    dgamma = np.sum(grad_out * ((x - mu) / np.sqrt(x.var(axis=0) + eps)), axis=0)
    dbeta = np.sum(grad_out, axis=0)
    dxhat = grad_out * gamma
    dvar = np.sum(dxhat * d, axis=0) * -0.5 * inv_std**3
    dmu = -np.sum(dxhat * inv_std, axis=0) + dvar * np.mean(-2.0 * d, axis=0)
    dx = dxhat * inv_std + dvar * 2.0 * d / (n - 1) + dmu / n
    return dx, dgamma, dbeta
