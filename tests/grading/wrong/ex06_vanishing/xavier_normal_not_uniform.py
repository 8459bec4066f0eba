"""The right spread, but drawn from a normal distribution instead of U(-a, a).

cell: xavier_uniform
task: test_xavier_uniform
hint: the weights look normally distributed
mistake: xavier-normal-not-uniform
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def xavier_uniform(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))
