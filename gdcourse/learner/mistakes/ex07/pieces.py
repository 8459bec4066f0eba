"""Exercise 7, Tasks 1-5: the layers, the loss, the network and the gradient check, with their
mistakes (the package's docstring says how they are used)."""

from __future__ import annotations

import numpy as np

TINY = 1e-12  # floor of the relative error's denominator, as gdlib.gradcheck's


# --- the pieces (Tasks 1-4) -------------------------------------------------------------------
class Linear:
    """y = x W + b, with He-initialised W (as ``gdlib.nn.Linear(D, H, rng=rng)``)."""

    def __init__(self, in_features, out_features, *, rng):
        self.W = rng.normal(0.0, np.sqrt(2.0 / in_features), size=(in_features, out_features))
        self.b = np.zeros(out_features)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, grad_out):
        self.dW[...] = self.x.T @ grad_out  # overwritten: no gradient is carried over
        self.db[...] = grad_out.sum(axis=0)
        return grad_out @ self.W.T

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]


class LinearAccumulating(Linear):
    """Adds each backward's gradients to the previous ones (``+=``), as torch's ``.grad``."""

    def backward(self, grad_out):
        self.dW += self.x.T @ grad_out
        self.db += grad_out.sum(axis=0)
        return grad_out @ self.W.T


class LinearBiasMean(Linear):
    """A planted bug for a gradient checker to find: db is the mean of the rows, not their sum."""

    def backward(self, grad_out):
        dx = super().backward(grad_out)
        self.db[...] = grad_out.mean(axis=0)
        return dx


class ReLU:
    """max(x, 0) entry by entry; the gradient passes where the input was positive."""

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, grad_out):
        return grad_out * self.mask

    def parameters(self):
        return []

    def gradients(self):
        return []


class SoftmaxCrossEntropy:
    """Mean softmax cross-entropy of logits (N, C) and integer labels (N,)."""

    def forward(self, logits, labels):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.p, self.labels = np.exp(log_p), labels
        return float(-log_p[np.arange(len(labels)), labels].mean())

    def backward(self):
        grad = self.p.copy()
        grad[np.arange(len(self.labels)), self.labels] -= 1.0
        return grad / len(self.labels)  # (P - Y) / N


def cross_entropy_naive(logits, labels):
    """The loss with ``np.exp`` of the raw logits: overflows to inf (and NaN) for large ones."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(logits)
        p = e / e.sum(axis=1, keepdims=True)
        return float(-np.log(p[np.arange(len(labels)), labels]).mean())


def cross_entropy_log_of_softmax(logits, labels):
    """Shifted, but the log taken of the softmax: log(0) = -inf when a probability underflows."""
    with np.errstate(under="ignore", divide="ignore"):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        return float(-np.log(p[np.arange(len(labels)), labels]).mean())


def cross_entropy_global_shift(logits, labels):
    """Shifted by the largest logit of the whole batch, not of each row: a row far below it
    underflows to all zeros, and 0/0 is NaN."""
    with np.errstate(under="ignore", divide="ignore", invalid="ignore"):
        e = np.exp(logits - logits.max())
        p = e / e.sum(axis=1, keepdims=True)
        return float(-np.log(p[np.arange(len(labels)), labels]).mean())


class Sequential:
    """Layers in a row: forward first to last, backward last to first (the chain rule)."""

    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out):
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)
        return grad_out

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        return [g for layer in self.layers for g in layer.gradients()]


def sequential_gradients(layers, x, grad_out, *, mistake: str | None = None):
    """The gradients (and dJ/dx) that a Sequential of ``layers`` leaves, or one with a mistake.

    ``mistake``: ``"forward_order"`` (backward runs the layers first to last),
    or ``"same_grad"`` (every layer gets the network's ``grad_out``, not its successor's
    result).
    The layers are used as they are (their forward is run again on ``x``).
    """
    out = x
    for layer in layers:
        out = layer.forward(out)
    order = layers if mistake == "forward_order" else layers[::-1]
    g = grad_out
    for layer in order:
        new = layer.backward(grad_out if mistake == "same_grad" else g)
        g = new
    return [a.copy() for layer in layers for a in layer.gradients()], g


# --- the gradient check (Task 5) --------------------------------------------------------------
def relative_errors(a, b) -> np.ndarray:
    """|a - b| / max(|a| + |b|, 1e-12), entry by entry (gdlib.gradcheck's form)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), TINY)


def gradient_check_model(model, loss, X, y, eps=1e-6, *, mistake: str | None = None):
    """Largest relative error between backprop's and central differences' gradient, one per
    parameter array of ``model``, in the order of ``model.parameters()``.

    ``mistake``: ``"forward_difference"`` ((J(θ+ε) - J(θ))/ε), ``"one_eps"`` (central
    difference divided by ε, not 2ε), ``"no_floor"`` (no floor on the denominator: 0/0 is NaN),
    ``"max_form"`` (denominator max(|a|, |b|)), ``"mean"`` (the mean error, not the largest),
    ``"stale"`` (compares with the gradients the
    model held before the call, without running backward), ``"eps"`` plus a number as
    ``mistake=("eps", 1e-5)`` (ignores ``eps``, uses that step).
    """
    step = mistake[1] if isinstance(mistake, tuple) else eps
    if mistake != "stale":
        loss.forward(model.forward(X), y)
        model.backward(loss.backward())
    analytic = [g.copy() for g in model.gradients()]

    def J():
        return loss.forward(model.forward(X), y)

    base = J() if mistake == "forward_difference" else None
    out = []
    for p, a in zip(model.parameters(), analytic, strict=True):
        num = np.zeros(p.shape)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + step
            plus = J()
            p[idx] = old - step
            minus = J()
            p[idx] = old
            if mistake == "forward_difference":
                num[idx] = (plus - base) / step
            elif mistake == "one_eps":
                num[idx] = (plus - minus) / step
            else:
                num[idx] = (plus - minus) / (2 * step)
        if mistake == "mean":
            err = relative_errors(a, num)
            out.append(float(err.mean()))
            continue
        if mistake == "no_floor":
            with np.errstate(invalid="ignore"):
                err = np.abs(a - num) / (np.abs(a) + np.abs(num))
        elif mistake == "max_form":
            err = np.abs(a - num) / np.maximum(np.maximum(np.abs(a), np.abs(num)), TINY)
        else:
            err = relative_errors(a, num)
        out.append(float(err.max()) if err.size else 0.0)
    return out


class CubicModel:
    """A known case for a gradient checker: forward(X) = X θ³ (θ³ entry by entry, θ of shape
    (K,), X of shape (N, K)), with an exact backward. With :class:`SumLoss`, J = Σ_k c_k θ_k³,
    so a central difference of step ε is off by c_k ε² exactly: its relative error is
    ε² / (6 θ_k² + ε²) for c_k > 0, which tells the ε used.
    """

    def __init__(self, theta):
        self.theta = np.array(theta, dtype=float)
        self.dtheta = np.zeros_like(self.theta)

    def forward(self, X):
        self.X = X
        return X * self.theta**3

    def backward(self, grad_out):
        self.dtheta[...] = (grad_out * self.X).sum(axis=0) * 3 * self.theta**2
        return grad_out * self.theta**3

    def parameters(self):
        return [self.theta]

    def gradients(self):
        return [self.dtheta]


class SumLoss:
    """J = the sum of the model's outputs (labels ignored); dJ/d(output) = 1."""

    def forward(self, out, labels):
        self.shape = out.shape
        return float(np.sum(out))

    def backward(self):
        return np.ones(self.shape)
