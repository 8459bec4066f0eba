"""Computes the velocity but steps with the raw gradient: momentum has no effect.

cell: sgd
task: test_sgd_momentum
hint: move exactly as plain gradient descent would
mistake: momentum-ignored
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
        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):
            if self.weight_decay:
                g = g + self.weight_decay * p
            self.velocity[i] = self.momentum * self.velocity[i] + g
            p -= self.lr * (g + self.momentum * self.velocity[i] if self.nesterov else g)
