"""Treats the batch mean and variance as constants.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: you treated m_B and s_B² as constants
mistake: bn-statistics-constant
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))': 'dx = dxhat * inv_std',
}
