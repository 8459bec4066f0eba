"""Hands the work to gdlib.init.

cell: xavier_uniform
task: test_xavier_uniform
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def xavier_uniform(fan_in, fan_out, rng):
    return gdlib.init.get_initializer("xavier")(fan_in, fan_out, rng)
