"""Hard-codes ε = 1e-5.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: not the eps argument
mistake: eps-ignored
"""
REPLACE = {
    'np.sqrt(x.var(axis=0) + eps)': 'np.sqrt(x.var(axis=0) + 1e-5)',
}
