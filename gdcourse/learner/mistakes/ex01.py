"""Models of Exercise 1's common mistakes (losses and their gradients), with their hints.

Each ``for_<function>(...)`` takes the inputs of one test and returns ``{hint: wrong value}``:
what the mistake gives for those inputs, computed quietly (a model may overflow, which is its
point), to pass as ``mistakes=`` to :func:`gdcourse.learner.checks.expect_number` or
:func:`~gdcourse.learner.checks.expect_array`. A learner's result that equals one of them is
named by its hint; nothing else is.
"""

from __future__ import annotations

import numpy as np

from . import quietly


@quietly
def for_mse(pred, target):
    r = pred - target
    return {
        "you squared the mean difference; average the squared differences instead: "
        "np.mean((pred - target) ** 2).": np.mean(r) ** 2,
        "you computed ½·mean(r²); the course's MSE has no ½ (Chapter 1's box on the ½ "
        "convention): J = mean(r²).": 0.5 * np.mean(r**2),
        "you took the square root of the mean: that is the RMSE. The MSE is the mean of the "
        "squares, without a root.": np.sqrt(np.mean(r**2)),
        "you averaged |r|: that is the mean absolute error. The MSE squares each residual.":
            np.mean(np.abs(r)),
    }


@quietly
def for_mse_grad(pred, target):
    r = pred - target
    out = {
        "each entry is half the right size: the derivative of r² is 2r, so dJ/dŷ = "
        "2 (ŷ - y) / N.": r / r.size,
    }
    if r.ndim > 1 and r.shape[0] != r.size:
        out[f"you divided by the number of rows ({r.shape[0]}) instead of the number of "
            f"entries N = pred.size = {r.size}: the mean is over every entry."] = \
            2 * r / r.shape[0]
    return out


@quietly
def for_huber(pred, target, delta):
    r = pred - target
    a = np.abs(r)
    return {
        "your quadratic piece is r², without the ½: Huber's is ½ r² (so that it joins the "
        "linear piece with the same slope at |r| = δ).":
            np.mean(np.where(a <= delta, r**2, delta * (a - 0.5 * delta))),
        "your linear piece is δ·|r|, without the - ½δ²: the two pieces must meet at "
        "|r| = δ, so the linear one is δ (|r| - ½δ).":
            np.mean(np.where(a <= delta, 0.5 * r**2, delta * a)),
        "you compare r, not |r|, with δ: a large negative residual must use the linear "
        "piece too. Compare np.abs(r) <= delta.":
            np.mean(np.where(r <= delta, 0.5 * r**2, delta * (a - 0.5 * delta))),
        "your result does not depend on delta: it is Huber with δ = 1. Use the argument "
        "delta the function is given.":
            np.mean(np.where(a <= 1.0, 0.5 * r**2, a - 0.5)),
    }


@quietly
def for_huber_grad(pred, target, delta):
    r = pred - target
    n = r.size
    return {
        "you compare r, not |r|, with δ: for r < -δ the derivative is -δ. "
        "np.clip(r, -delta, delta) does both sides.":
            np.where(r <= delta, r, delta) / n,
        "your result does not depend on delta: it is the gradient for δ = 1. Use the "
        "argument delta the function is given.": np.clip(r, -1.0, 1.0) / n,
        "beyond δ your derivative is δ·r; the linear piece δ (|r| - ½δ) has slope "
        "δ·sign(r), a constant.": np.where(np.abs(r) <= delta, r, delta * r) / n,
    }


def _naive_bce(z, y):
    p = 1.0 / (1.0 + np.exp(-z))
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))


LOG_OF_SIGMOID = (
    "you take the log of σ(z) (or of 1 - σ(z)), which rounds to exactly 0 or 1 once |z| is "
    "above about 37, and log(0) is -inf. Use the stable form max(z, 0) - z·y + "
    "log(1 + exp(-|z|)), which never takes log(0).")
EXP_OVERFLOW = (
    "np.exp(-z) overflows to inf for very negative logits (np.exp(800) is inf). Use "
    "exp(-|z|), which is at most 1: max(z, 0) - z·y + log(1 + exp(-|z|)).")


@quietly
def for_bce(logits, targets):
    z, y = logits, targets
    out = {
        LOG_OF_SIGMOID: _naive_bce(z, y),
        EXP_OVERFLOW: np.mean((1 - y) * z + np.log(1 + np.exp(-z))),
        "the term z·y has the wrong sign: the loss is max(z, 0) - z·y + log(1 + exp(-|z|)).":
            np.mean(np.maximum(z, 0) + z * y + np.log1p(np.exp(-np.abs(z)))),
    }
    for eps in (1e-7, 1e-8, 1e-10, 1e-12, 1e-15):
        p = np.clip(1.0 / (1.0 + np.exp(-z)), eps, 1 - eps)
        out[f"you clip the probabilities into [{eps:g}, 1 - {eps:g}]: the loss is finite "
            "but stops growing once σ(z) passes the clip, so confidently wrong examples "
            "count too little (Chapter 1). Compute it from the logits: "
            "max(z, 0) - z·y + log(1 + exp(-|z|))."] = \
            np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return out


@quietly
def for_bce_grad(logits, targets):
    z, y = logits, targets
    p = 1.0 / (1.0 + np.exp(-z))
    n = z.size
    return {
        "that is the gradient of the MSE on the sigmoid, 2 (σ - y) σ (1 - σ) / N; for "
        "cross-entropy the σ' factor cancels: dJ/dz = (σ(z) - y) / N.":
            2 * (p - y) * p * (1 - p) / n,
        "you returned σ(z)/N: subtract the targets, (σ(z) - y) / N.": p / n,
        SIGMOID_OVERFLOW: (np.exp(z) / (1 + np.exp(z)) - y) / n,
    }


SIGMOID_OVERFLOW = (
    "your σ(z) is NaN for large logits: exp(z) / (1 + exp(z)) is inf/inf once z passes 709. "
    "Use 1 / (1 + exp(-z)) where z >= 0 and exp(z) / (1 + exp(z)) where z < 0, so that exp "
    "only sees numbers <= 0 (gdlib.losses.sigmoid does this, and you may call it).")


@quietly
def naive_cross_entropy(z, y):
    """Softmax straight from np.exp: inf/inf = NaN for large logits."""
    e = np.exp(z)
    p = e / e.sum(axis=1, keepdims=True)
    return -np.mean(np.log(p[np.arange(len(y)), y]))


@quietly
def log_of_softmax(z, y):
    """The max-shifted softmax, then its log: log(0) = -inf once p rounds to 0."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return -np.mean(np.log(p[np.arange(len(y)), y]))


@quietly
def global_shift_cross_entropy(z, y):
    """Shifted by the largest logit of the whole batch, not of each row."""
    s = z - z.max()
    lse = np.log(np.exp(s).sum(axis=1))
    return np.mean(lse - s[np.arange(len(y)), y])


NAIVE = ("your loss is NaN for large logits: np.exp overflows (np.exp(1000) is inf, and "
         "inf/inf is NaN). Subtract each row's largest logit before exponentiating "
         "(the log-sum-exp trick).")
LOG_OF_P = ("your loss is infinite: you subtract the largest logit (good), but then take the "
            "log of a probability that has rounded to exactly 0 (a true-class logit far below "
            "the largest). Never form p: log p = (z - m) - log Σ exp(z - m) comes straight "
            "from the shifted logits.")
GLOBAL = ("you subtracted the largest logit of the whole batch, not of each row: a row whose "
          "logits all lie far below it underflows to exp(...) = 0. Use "
          "np.max(z, axis=1, keepdims=True).")


@quietly
def for_cross_entropy(logits, labels):
    z, y = logits, labels
    n, c = z.shape
    e = np.exp(z - z.max(axis=0, keepdims=True))
    cols = e / e.sum(axis=0, keepdims=True)
    out = {
        "your softmax normalises over the wrong axis: each row (one example) must sum to 1, "
        "so sum over the classes, axis=1 (with keepdims=True).":
            -np.mean(np.log(cols[np.arange(n), y])),
        NAIVE: naive_cross_entropy(z, y),
        LOG_OF_P: log_of_softmax(z, y),
        GLOBAL: global_shift_cross_entropy(z, y),
    }
    if c > 1:
        out[f"you averaged over all N·C = {n * c} entries instead of the N = {n} examples: "
            "the loss of one example is -log p of its true class only."] = \
            log_softmax_loss(z, y) / c
    return out


def log_softmax_loss(z, y):
    s = z - z.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(y)), y])


@quietly
def for_cross_entropy_grad(logits, labels):
    z, y = logits, labels
    n, c = z.shape
    onehot = np.eye(c)[y]
    e = np.exp(z - z.max(axis=0, keepdims=True))
    cols = e / e.sum(axis=0, keepdims=True)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    naive = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    g = np.exp(z - z.max())
    shifted_globally = g / g.sum(axis=1, keepdims=True)
    return {
        "your softmax normalises over the wrong axis: each row (one example) must sum to 1, "
        "so sum over the classes, axis=1 (with keepdims=True).": (cols - onehot) / n,
        "you returned softmax(z)/N: subtract 1 at each example's true class (the one-hot "
        "target).": p / n,
        "your gradient is NaN for large logits: np.exp overflows. Compute the softmax from "
        "the shifted logits z - max(z) of each row, as in Task 7.": (naive - onehot) / n,
        GLOBAL: (shifted_globally - onehot) / n,
    }


@quietly
def for_smoothed_grad(logits, labels, smoothing):
    z, y = logits, labels
    n, c = z.shape
    onehot = np.eye(c)[y]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    other = (1 - smoothing) * onehot + smoothing / (c - 1) * (1 - onehot) if c > 1 else onehot
    return {
        "that is the gradient without smoothing, (P - Y)/N: smoothing must change the targets, "
        "to q = (1 - τ)·onehot(y) + τ/C.": (p - onehot) / n,
        "your targets give the wrong classes τ/(C - 1) and the true class 1 - τ, another "
        "convention; this task's (and torch's) is q = (1 - τ)·onehot(y) + τ/C, so the true "
        "class gets 1 - τ + τ/C.": (p - other) / n,
        "your targets add τ to every class instead of τ/C: q = (1 - τ)·onehot(y) + τ/C "
        "sums to 1 over the classes, yours does not.":
            (p - ((1 - smoothing) * onehot + smoothing)) / n,
        "you scaled (P - Y)/N by (1 - τ): differentiate every term -q_k log p_k, not only "
        "the true class's, and use that the q_k of an example sum to 1.":
            (1 - smoothing) * (p - onehot) / n,
    }
