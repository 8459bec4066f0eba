"""Stays at the target rate after the warm-up even when `after` is given.

cell: linear_warmup
task: test_linear_warmup
hint: after the warm-up your rate stays at η
mistake: warmup-after-ignored
"""
class LinearWarmup:
    def __init__(self, lr, warmup_steps, after=None):
        self.lr = lr
        self.warmup_steps = warmup_steps
        self.after = after

    def __call__(self, step):

        if step < self.warmup_steps:
            return self.lr * (step + 1) / self.warmup_steps
        return self.lr
