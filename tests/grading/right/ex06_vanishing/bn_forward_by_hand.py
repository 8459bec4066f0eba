"""Mean and variance by sums, the unbiased variance computed separately, updates with -= and +=.

cell: batchnorm_forward
"""
# ruff: noqa: F821 (the notebook defines np)
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = x.shape[0]
    mean = np.sum(x, axis=0) / n
    centred = x - mean
    var = np.sum(centred**2, axis=0) / n
    unbiased = np.sum(centred**2, axis=0) / (n - 1)
    running_mean -= momentum * (running_mean - mean)
    running_var *= 1 - momentum
    running_var += momentum * unbiased
    return centred / np.sqrt(var + eps) * gamma + beta
