"""Normalises with np.var(ddof=1).

cell: batchnorm_forward
task: test_batchnorm_forward
hint: your x̂ uses the unbiased variance
mistake: bn-unbiased-normalisation
"""
REPLACE = {
    'var = x.var(axis=0)': 'var = x.var(axis=0, ddof=1)',
    'momentum * var * n / (n - 1)': 'momentum * var',
}
