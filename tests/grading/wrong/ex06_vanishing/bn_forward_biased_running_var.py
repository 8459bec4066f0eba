"""Puts the biased batch variance into the running average.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: your running_var averages the biased batch variance
mistake: bn-biased-running-var
"""
REPLACE = {
    'momentum * var * n / (n - 1)': 'momentum * var',
}
