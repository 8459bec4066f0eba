"""Adam that forgets to divide m_t and s_t by 1 - β^t.

cell: adam
task: test_adam
hint: Adam without bias correction
mistake: adam-no-bias-correction
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
class Adam:
    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        self.params = list(params)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = [np.zeros_like(p) for p in self.params]
        self.s = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def step(self, grads):
        self.t += 1
        b1, b2 = self.betas
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            if self.weight_decay:
                g = g + self.weight_decay * p
            m *= b1
            m += (1 - b1) * g
            s *= b2
            s += (1 - b2) * g * g
            p -= self.lr * m / (np.sqrt(s) + self.eps)
