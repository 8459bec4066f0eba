"""Counts the weights only: 2 (784·100 + 100·10).

cell: n_forward_passes
task: test_n_forward_passes
hint: you left out the biases
"""
N_FORWARD_PASSES = 2 * (784 * 100 + 100 * 10)
