"""Multiplies sqrt(2/fan_in) by the gain √2 once more.

cell: he_normal
task: test_he_normal
hint: the gain √2 applied to sqrt(2 / fan_in)
mistake: he-gain-twice
"""
# ruff: noqa: F821 (the notebook defines np)
def he_normal(fan_in, fan_out, rng):
    std = np.sqrt(2.0) * np.sqrt(2.0 / fan_in)
    return rng.normal(0.0, std, size=(fan_in, fan_out))
