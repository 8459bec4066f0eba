"""Keeps the path through the variance, drops the one through the mean.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: you included the path through the variance s_B² but not the one
mistake: bn-variance-term-only
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))': 'dx = inv_std * (dxhat - xhat * np.mean(dxhat * xhat, axis=0))',
}
