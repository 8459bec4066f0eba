"""Rebinds the running statistics instead of updating them in place.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: left running_mean unchanged
mistake: bn-running-not-in-place
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = len(x)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mean) / np.sqrt(var + eps)
    running_mean = (1 - momentum) * running_mean + momentum * mean
    running_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    return gamma * xhat + beta
