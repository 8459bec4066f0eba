"""The warm-up one step late: η k/W, so the first update has learning rate 0.

cell: linear_warmup
task: test_linear_warmup
hint: your warm-up is one step late
mistake: warmup-one-step-late
"""
class LinearWarmup:
    def __init__(self, lr, warmup_steps, after=None):
        self.lr = lr
        self.warmup_steps = warmup_steps
        self.after = after

    def __call__(self, step):
        if step < self.warmup_steps:
            return self.lr * step / self.warmup_steps
        return self.lr if self.after is None else self.after(step - self.warmup_steps)
