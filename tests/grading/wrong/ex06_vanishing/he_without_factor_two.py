"""He with variance 1/fan_in: the ReLU factor 2 forgotten.

cell: he_normal
task: test_he_normal
hint: factor 2 is missing
mistake: he-gain-one
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def he_normal(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), size=(fan_in, fan_out))
