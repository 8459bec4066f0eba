"""Draws from np.random instead of the rng it is given.

cell: xavier_uniform
task: test_xavier_uniform
hint: not from np.random, so runs can be repeated
mistake: global-random
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def xavier_uniform(fan_in, fan_out, rng):
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return np.random.uniform(-a, a, size=(fan_in, fan_out))
