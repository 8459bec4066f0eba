"""Passes the variance 2/fan_in to rng.normal, which takes the standard deviation.

cell: he_normal
task: test_he_normal
hint: rng.normal takes the standard deviation
mistake: he-variance-as-std
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def he_normal(fan_in, fan_out, rng):
    return rng.normal(0.0, 2.0 / fan_in, size=(fan_in, fan_out))
