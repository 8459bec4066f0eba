"""Models of Exercise 3's common mistakes (the update rule), run beside a learner's code.

Each takes the same arguments as the ``gdlib.optim`` class it imitates, so
:func:`gdcourse.learner.checks.expect_optimizer` can run it side by side with the reference.
"""

from __future__ import annotations

import numpy as np

from gdlib import optim


def momentum_ignored(params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
    """SGD whose steps use g_t instead of the velocity v_t (or whose v_t is never kept)."""
    return optim.SGD(params, lr=lr, weight_decay=weight_decay)


class AdamWithoutBiasCorrection:
    """Adam that steps with m_t / (√s_t + ε), forgetting the division by 1 - β^t."""

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        self.params, self.lr, self.betas = list(params), lr, betas
        self.eps, self.weight_decay = eps, weight_decay
        self.m = [np.zeros_like(p) for p in self.params]
        self.s = [np.zeros_like(p) for p in self.params]

    def step(self, grads):
        b1, b2 = self.betas
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            g = g + self.weight_decay * p
            m[...] = b1 * m + (1 - b1) * g
            s[...] = b2 * s + (1 - b2) * g * g
            p -= self.lr * m / (np.sqrt(s) + self.eps)
