"""Models of Exercise 4's common mistakes (backpropagation), run beside a learner's code."""

from __future__ import annotations

import numpy as np

from gdlib import losses, nn


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
