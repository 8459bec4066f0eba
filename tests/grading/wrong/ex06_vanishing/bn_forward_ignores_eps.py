"""Hard-codes ε = 1e-5.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: not the eps argument
mistake: eps-ignored
"""
REPLACE = {
    'np.sqrt(var + eps)': 'np.sqrt(var + 1e-5)',
}
