"""Uses CS231n's convention: momentum weights the old value.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: that is CS231n's and Keras' convention
mistake: bn-momentum-flipped
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = len(x)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mean) / np.sqrt(var + eps)
    running_mean[...] = momentum * running_mean + (1 - momentum) * mean
    running_var[...] = momentum * running_var + (1 - momentum) * var * n / (n - 1)
    return gamma * xhat + beta
