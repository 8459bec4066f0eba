"""Hands over to after(k) instead of after(k - W): the schedule after warm-up starts mid-way.

cell: linear_warmup
task: test_linear_warmup
hint: not after(k)
mistake: warmup-after-not-shifted
"""
class LinearWarmup:
    def __init__(self, lr, warmup_steps, after=None):
        self.lr = lr
        self.warmup_steps = warmup_steps
        self.after = after

    def __call__(self, step):
        if step < self.warmup_steps:
            return self.lr * (step + 1) / self.warmup_steps
        return self.lr if self.after is None else self.after(step)
