"""Keeps the path through the mean, drops the one through the variance.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: you included the path through the mean m_B but not the one through the
mistake: bn-mean-term-only
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))': 'dx = inv_std * (dxhat - dxhat.mean(axis=0))',
}
