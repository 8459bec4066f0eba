"""Models of Exercise 4's common mistakes (backpropagation), run beside a learner's code.

Each function computes what one wrong backward pass returns, so a test can recognise the
learner's result and name the mistake. :func:`mlp_backprop` is the reference for Task 6 (built
from ``gdlib.nn``); :func:`mlp_variant` runs the same network with one named mistake.
"""

from __future__ import annotations

import numpy as np

from gdlib import losses, nn


class ReLUMaskOnGradient(nn.ReLU):
    """ReLU whose backward masks with the sign of the incoming gradient, not of its input."""

    def backward(self, grad_out):
        g = self._check_grad_out(grad_out)
        return g * (g > 0)  # the mistake: 1[dA > 0] instead of 1[Z > 0]


# -- Tasks 3 and 4: sigmoid and tanh from their outputs -----------------------------------
def sigmoid_backward_mistakes(grad_out, out) -> dict[str, np.ndarray]:
    """What the usual wrong sigmoid backward passes return, by mistake id."""
    again = 1.0 / (1.0 + np.exp(-out))
    return {
        "sigmoid_of_output": grad_out * again * (1.0 - again),
        "local_derivative_only": out * (1.0 - out),
        "times_output": grad_out * out,
        "times_one_minus_output": grad_out * (1.0 - out),
        "flipped_sign": grad_out * out * (out - 1.0),
    }


def tanh_backward_mistakes(grad_out, out) -> dict[str, np.ndarray]:
    """What the usual wrong tanh backward passes return, by mistake id."""
    return {
        "tanh_of_output": grad_out * (1.0 - np.tanh(out) ** 2),
        "square_missing": grad_out * (1.0 - out),
        "square_of_difference": grad_out * (1.0 - out) ** 2,
        "flipped_sign": grad_out * (out**2 - 1.0),
        "local_derivative_only": 1.0 - out**2,
    }


# -- Task 5: softmax on its own ----------------------------------------------------------
def softmax_backward_mistakes(grad_out, probs) -> dict[str, np.ndarray]:
    """What the usual wrong softmax backward passes return, by mistake id.

    The right one is ``P * (dP - (dP * P).sum(axis=1, keepdims=True))``.
    """
    g, p = grad_out, probs
    out = {
        "diagonal_only": g * p * (1.0 - p),
        "unweighted_mean": p * (g - g.sum(axis=1, keepdims=True)),
        "sum_over_batch": p * (g - (g * p).sum(axis=0, keepdims=True)),
        "flipped_sign": p * ((g * p).sum(axis=1, keepdims=True) - g),
        "missing_outer_p": g - (g * p).sum(axis=1, keepdims=True),
    }
    if g.shape[0] == g.shape[1]:  # a row sum without keepdims broadcasts along the rows
        out["sum_without_keepdims"] = p * (g - (g * p).sum(axis=1))
    return out


# -- Task 6: a network of any depth -------------------------------------------------------
def _as_pairs(params):
    return [(np.asarray(W, dtype=float), np.asarray(b, dtype=float)) for W, b in params]


def mlp_backprop(params, X, y):
    """Loss and gradients of Linear → ReLU → ... → Linear → softmax cross-entropy, by gdlib.

    ``params`` is a list of (W, b) pairs, W of shape (inputs, outputs); returns ``(J, grads)``
    with ``grads`` a list of (dW, db) pairs in the same order.
    """
    layers = []
    rng = np.random.default_rng(0)
    for i, (W, b) in enumerate(_as_pairs(params)):
        linear = nn.Linear(*W.shape, rng=rng)
        linear.W[...], linear.b[...] = W, b
        layers.append(linear)
        if i < len(params) - 1:
            layers.append(nn.ReLU())
    net = nn.Sequential(*layers)
    logits = net(X)
    net.backward(losses.cross_entropy_grad(logits, y))
    grads = [(layer.dW.copy(), layer.db.copy()) for layer in layers[::2]]
    return losses.cross_entropy(logits, y), grads


MLP_MISTAKES = ("mask_on_gradient", "relu_on_logits", "no_mask", "mask_from_layer_input",
                "bias_mean", "reversed_order", "sum_loss")


def mlp_variant(params, X, y, mistake: str):
    """:func:`mlp_backprop` with one mistake of :data:`MLP_MISTAKES`, written in numpy."""
    pairs = _as_pairs(params)
    h, inputs, zs = np.asarray(X, dtype=float), [], []
    last = len(pairs) - 1
    for i, (W, b) in enumerate(pairs):
        inputs.append(h)
        z = h @ W + b
        zs.append(z)
        h = np.maximum(z, 0.0) if i < last or mistake == "relu_on_logits" else z
    logits = h
    n = len(X)
    loss = losses.cross_entropy(logits, y)
    d = losses.cross_entropy_grad(logits, y)  # (P - Y) / N
    if mistake == "sum_loss":
        loss, d = loss * n, d * n
    grads = []
    for i in range(last, -1, -1):
        W, _ = pairs[i]
        if i < last or mistake == "relu_on_logits":  # d is dJ/dA_i: through ReLU to dJ/dZ_i
            if mistake == "mask_on_gradient":
                d = d * (d > 0)
            elif mistake == "mask_from_layer_input":
                d = d * (inputs[i] > 0)
            elif mistake != "no_mask":
                d = d * (zs[i] > 0)
        db = d.mean(axis=0) if mistake == "bias_mean" else d.sum(axis=0)
        grads.append((inputs[i].T @ d, db))
        d = d @ W.T
    if mistake != "reversed_order":
        grads.reverse()
    return loss, grads


# -- the references that Task 6's test lends the learner for Tasks 1 and 2 ----------------
def linear_backward_reference(grad_out, x, W):
    """Task 1's answer: dx, dW, db of y = x W + b (lent to Task 6's test)."""
    return grad_out @ W.T, x.T @ grad_out, grad_out.sum(axis=0)


def relu_backward_reference(grad_out, x):
    """Task 2's answer (lent to Task 6's test)."""
    return grad_out * (x > 0)
