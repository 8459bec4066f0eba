"""Delegates to gdlib.schedules.LinearWarmup.

cell: linear_warmup
task: test_linear_warmup
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook imports gdlib)
class LinearWarmup:
    def __init__(self, lr, warmup_steps, after=None):
        self.lr = lr
        self.warmup_steps = warmup_steps
        self.after = after

    def __call__(self, step):
        return gdlib.schedules.LinearWarmup(self.lr, self.warmup_steps, self.after)(step)
