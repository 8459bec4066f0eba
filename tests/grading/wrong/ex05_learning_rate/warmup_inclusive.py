"""Ramps while step <= W, so step W overshoots the target.

cell: linear_warmup
task: test_linear_warmup
hint: your ramp runs one step too long
mistake: warmup-inclusive
"""
class LinearWarmup:
    def __init__(self, lr, warmup_steps, after=None):
        self.lr = lr
        self.warmup_steps = warmup_steps
        self.after = after

    def __call__(self, step):

        if step <= self.warmup_steps:
            return self.lr * (step + 1) / self.warmup_steps
        if self.after is None:
            return self.lr
        return self.after(step - self.warmup_steps)
