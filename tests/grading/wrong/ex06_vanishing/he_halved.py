"""Divides the variance by 2 instead of multiplying it.

cell: he_normal
task: test_he_normal
hint: you halved the variance where He doubles it
mistake: he-halved
"""
# ruff: noqa: F821 (the notebook defines np)
def he_normal(fan_in, fan_out, rng):
    std = np.sqrt(1.0 / (2.0 * fan_in))
    return rng.normal(0.0, std, size=(fan_in, fan_out))
