"""Answers log(1e6)/log(4) = 9.97 without rounding up.

cell: min_sigmoid_layers
task: test_min_sigmoid_layers
hint: round up to a whole number of layers
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
MIN_SIGMOID_LAYERS = np.log(1e6) / np.log(4.0)
