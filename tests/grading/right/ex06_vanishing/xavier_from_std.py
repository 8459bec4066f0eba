"""The bound written as √3 times the standard deviation; rng.random scaled to [-a, a).

cell: xavier_uniform
"""
# ruff: noqa: F821 (the notebook defines np)
def xavier_uniform(fan_in, fan_out, rng):
    std = np.sqrt(2.0 / (fan_in + fan_out))
    a = np.sqrt(3.0) * std
    return (2.0 * rng.random((fan_in, fan_out)) - 1.0) * a
