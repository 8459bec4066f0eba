"""Its own Adam loop, with p -= ηωp before the step.

cell: adamw
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
class AdamW(Adam):
    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)

    def step(self, grads):
        self.t += 1
        b1, b2 = self.betas
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            p -= self.lr * self.weight_decay * p
            m[...] = b1 * m + (1 - b1) * g
            s[...] = b2 * s + (1 - b2) * g**2
            m_hat, s_hat = m / (1 - b1**self.t), s / (1 - b2**self.t)
            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)
