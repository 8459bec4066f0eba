"""Normalises with the running statistics, as at evaluation time.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: you normalised with the running statistics
mistake: bn-running-stats-in-training
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    '    xhat = (x - mean) / np.sqrt(var + eps)\n': '',
    '    return gamma * xhat + beta': '    xhat = (x - running_mean) / np.sqrt(running_var + eps)\n    return gamma * xhat + beta',
}
