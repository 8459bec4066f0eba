"""Writes p = p - lr * g, which rebinds a local name and leaves the parameters unchanged.

cell: sgd
task: test_sgd
hint: did not change the parameters
mistake: rebinds-params
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
class SGD:
    def __init__(self, params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        self.params = list(params)
        self.lr = lr
        self.momentum = momentum
        self.nesterov = nesterov
        self.weight_decay = weight_decay
        self.velocity = [np.zeros_like(p) for p in self.params]

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v *= self.momentum
            v += g
            p = p - self.lr * v  # noqa: PLW2901
