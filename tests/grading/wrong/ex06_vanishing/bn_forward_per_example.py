"""Normalises each row instead of each column.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: you normalised each row (axis=1)
mistake: bn-per-example
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'xhat = (x - mean) / np.sqrt(var + eps)': 'xhat = (x - x.mean(axis=1, keepdims=True)) / np.sqrt(x.var(axis=1, keepdims=True) + eps)',
}
