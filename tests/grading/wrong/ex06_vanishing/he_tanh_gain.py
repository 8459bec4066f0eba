"""Uses the gain of tanh, 5/3.

cell: he_normal
task: test_he_normal
hint: with tanh's gain 5/3
mistake: he-tanh-gain
"""
# ruff: noqa: F821 (the notebook defines np)
def he_normal(fan_in, fan_out, rng):
    std = (5.0 / 3.0) / np.sqrt(fan_in)
    return rng.normal(0.0, std, size=(fan_in, fan_out))
