"""Normalises with the running statistics, as at evaluation time.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: you normalised with the running statistics
mistake: bn-running-stats-in-training
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = len(x)
    running_mean[...] = (1 - momentum) * running_mean + momentum * x.mean(axis=0)
    running_var[...] = (1 - momentum) * running_var + momentum * x.var(axis=0) * n / (n - 1)
    xhat = (x - running_mean) / np.sqrt(running_var + eps)
    return gamma * xhat + beta
