"""Takes the square root of the 2 only.

cell: he_normal
task: test_he_normal
hint: the square root covers the whole fraction
mistake: he-sqrt-of-two-only
"""
# ruff: noqa: F821 (the notebook defines np)
def he_normal(fan_in, fan_out, rng):
    std = np.sqrt(2.0) / fan_in
    return rng.normal(0.0, std, size=(fan_in, fan_out))
