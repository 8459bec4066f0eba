"""Xavier's bound from fan_in alone, sqrt(6 / fan_in).

cell: xavier_uniform
task: test_xavier_uniform
hint: your spread uses fan_in only
mistake: xavier-fan-in-only
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def xavier_uniform(fan_in, fan_out, rng):
    a = np.sqrt(6.0 / fan_in)
    return rng.uniform(-a, a, size=(fan_in, fan_out))
