"""Builds dx from G instead of dx̂ = γ G.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: your dx lacks the factor γ
mistake: bn-gamma-missing
"""
REPLACE = {
    'dxhat = grad_out * gamma': 'dxhat = grad_out',
}
