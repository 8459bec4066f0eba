"""Uses fan_out, torch's mode='fan_out', where the task asks for fan_in.

cell: he_normal
task: test_he_normal
hint: He initialisation uses fan_in
mistake: he-fan-out
"""
# ruff: noqa: F821 (the notebook defines np)
def he_normal(fan_in, fan_out, rng):
    std = np.sqrt(2.0 / fan_out)
    return rng.normal(0.0, std, size=(fan_in, fan_out))
