"""rng.standard_normal scaled by σ.

cell: he_normal
"""
# ruff: noqa: F821 (the notebook defines np)
def he_normal(fan_in, fan_out, rng):
    return rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0) / np.sqrt(fan_in)
