"""Adds ε to the standard deviation.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: you added ε outside the square root
mistake: bn-eps-outside-sqrt
"""
REPLACE = {
    'np.sqrt(var + eps)': '(np.sqrt(var) + eps)',
}
