"""Returns (y, cache) as CS231n's version does.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: should return y alone
mistake: bn-returns-tuple
"""
REPLACE = {
    'return gamma * xhat + beta': 'return gamma * xhat + beta, (xhat, mean, var)',
}
