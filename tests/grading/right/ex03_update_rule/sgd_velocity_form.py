"""The velocity form v = μv - ηg, θ += v (the same steps while η is constant).

cell: sgd
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
        for i, p in enumerate(self.params):
            g = grads[i] + self.weight_decay * p
            v = self.momentum * self.velocity[i] - self.lr * g  # v = -η (μ v_old + g) / η
            self.velocity[i] = v
            if self.nesterov:
                p += self.momentum * v - self.lr * g
            else:
                p += v
