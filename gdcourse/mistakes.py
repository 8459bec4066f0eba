"""Models of common mistakes, run beside a learner's code to recognise them.

A test that knows what a mistake produces can name it: if the learner's optimizer moves exactly
like :func:`momentum_ignored`, the hint is about momentum, not "wrong values". Each model takes
the same arguments as the ``gdlib`` class it imitates, so :func:`gdcourse.checks.expect_optimizer`
can run it side by side with the reference.
"""

from __future__ import annotations

import numpy as np

from gdlib import losses, nn, optim


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


class ReLUMaskOnGradient(nn.ReLU):
    """ReLU whose backward masks with the sign of the incoming gradient, not of its input."""

    def backward(self, grad_out):
        g = self._check_grad_out(grad_out)
        return g * (g > 0)  # the mistake: 1[dA > 0] instead of 1[Z > 0]


def two_layer_backprop(params, X, y, relu=nn.ReLU):
    """Loss and gradients of Chapter 4's Linear-ReLU-Linear network with softmax cross-entropy.

    Computed with ``gdlib.nn``; ``relu`` is the activation class, so a faulty one (such as
    :class:`ReLUMaskOnGradient`) gives the gradients that its mistake produces. ``params``
    holds ``W1`` (D, H), ``b1`` (H,), ``W2`` (H, C), ``b2`` (C,); returns ``(J, grads)`` with
    ``grads`` a dict of the same keys and shapes.
    """
    rng = np.random.default_rng(0)
    first = nn.Linear(*params["W1"].shape, rng=rng)
    second = nn.Linear(*params["W2"].shape, rng=rng)
    for layer, w, b in ((first, "W1", "b1"), (second, "W2", "b2")):
        layer.W[...], layer.b[...] = params[w], params[b]
    net = nn.Sequential(first, relu(), second)
    logits = net(X)
    net.backward(losses.cross_entropy_grad(logits, y))
    grads = {"W1": first.dW, "b1": first.db, "W2": second.dW, "b2": second.db}
    return losses.cross_entropy(logits, y), {k: v.copy() for k, v in grads.items()}
