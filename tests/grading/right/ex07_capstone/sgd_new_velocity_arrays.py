"""The velocity kept by assigning new arrays to self.velocity[i].

cell: sgd
"""
# ruff: noqa: E501
REPLACE = {
    ('        for p, g, v in zip(self.params, grads, self.velocity, strict=True):\n'
     '            v *= self.momentum\n'
     '            v += g  # v_t = μ v_{t-1} + g_t\n'
     '            p -= self.lr * v  # θ_t = θ_{t-1} - η v_t'):
        ('        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):\n'
         '            self.velocity[i] = self.momentum * self.velocity[i] + g\n'
         '            p -= self.lr * self.velocity[i]'),
}
