"""One expression with min() for the ramp, `is not None` tested first.

cell: linear_warmup
"""
class LinearWarmup:
    def __init__(self, lr, warmup_steps, after=None):
        self.lr = lr
        self.warmup_steps = warmup_steps
        self.after = after

    def __call__(self, step):
        if self.after is not None and step >= self.warmup_steps:
            return self.after(step - self.warmup_steps)
        return self.lr * min(1.0, (step + 1) / self.warmup_steps)
