"""Puts the biased batch variance into the running average.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: your running_var averages the biased batch variance
mistake: bn-biased-running-var
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    len(x)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mean) / np.sqrt(var + eps)
    running_mean[...] = (1 - momentum) * running_mean + momentum * mean
    running_var[...] = (1 - momentum) * running_var + momentum * var
    return gamma * xhat + beta
