"""Rebinds the running statistics instead of updating them in place.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: left running_mean unchanged
mistake: bn-running-not-in-place
"""
REPLACE = {
    'running_mean[...] =': 'running_mean =',
    'running_var[...] =': 'running_var =',
}
