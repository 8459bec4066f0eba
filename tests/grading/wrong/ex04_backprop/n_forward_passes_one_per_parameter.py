"""Counts one loss evaluation per parameter: P instead of 2P.

cell: n_forward_passes
task: test_n_forward_passes
hint: central differences evaluate the loss twice per parameter
"""
N_FORWARD_PASSES = 784 * 100 + 100 + 100 * 10 + 10
