"""Leaves ε out: a constant feature gives 0/0.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: your x̂ has no ε
mistake: bn-no-eps
"""
REPLACE = {
    'np.sqrt(var + eps)': 'np.sqrt(var)',
}
