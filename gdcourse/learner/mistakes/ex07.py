"""Exercise 7 (the capstone): reference versions of the learner's pieces, and their mistakes.

The capstone's pieces talk to each other through one small interface, the one ``gdlib.nn`` and
``gdlib.optim`` use: a layer has ``forward(x)``, ``backward(grad_out)``, ``parameters()`` and
``gradients()``; the loss has ``forward(logits, labels)`` and ``backward()``; an optimizer has
``step(grads)``. The classes here follow it in plain numpy (no ``gdlib`` object is called), so a
test can lend them to a later task with ``checks.substitute(globals(), Linear=ex07.Linear, ...)``
while it forbids ``gdlib`` in the learner's code, and a mistake costs points once.

Every mistake model is the reference with one thing done the way learners often do it
(``train(..., mistake="no_shuffle")``, :class:`AdamWithoutBiasCorrection`, ...). A test runs
it beside the learner's code: when the learner's numbers match a model, the hint names that
mistake.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

import numpy as np

from gdlib import gradcheck as _gradcheck
from gdlib import losses as _losses
from gdlib import nn as _nn
from gdlib import optim as _optim
from gdlib import train as _fit

TINY = 1e-12  # floor of the relative error's denominator, as gdlib.gradcheck's

#: What the learner's pieces must not use: gdlib's versions of them.
FORBID_GDLIB = (_nn, _losses, _gradcheck, _optim, _fit)
#: ... nor the reference versions below (for the tasks that do not lend them).
FORBID = (*FORBID_GDLIB, sys.modules[__name__])


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


# --- the optimizers (Tasks 6 and 7) -----------------------------------------------------------
class SGD:
    """torch.optim.SGD's momentum (dampening 0): v_t = μ v_{t-1} + g_t, θ_t = θ_{t-1} - η v_t."""

    def __init__(self, params, lr, momentum=0.0):
        self.params, self.lr, self.momentum = list(params), lr, momentum
        self.velocity = [np.zeros_like(p) for p in self.params]

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v[...] = self.momentum * v + g
            p -= self.lr * v


class SGDWithoutMomentum(SGD):
    """Steps along g_t: momentum ignored, or a velocity that is not kept between steps."""

    def step(self, grads):
        for p, g in zip(self.params, grads, strict=True):
            p -= self.lr * g


class SGDDampened(SGD):
    """v_t = μ v_{t-1} + (1 - μ) g_t: an average of the gradients, not torch's sum."""

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v[...] = self.momentum * v + (1 - self.momentum) * g
            p -= self.lr * v


class SGDVelocityForm(SGD):
    """v_t = μ v_{t-1} - η_t g_t, θ_t = θ_{t-1} + v_t: torch's steps while η is constant, not
    after η changes (the old steps keep their old η inside v)."""

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v[...] = self.momentum * v - self.lr * g
            p += v


class Adam:
    """torch.optim.Adam without weight decay. The hooks ``_square``, ``_corrected`` and
    ``_denominator`` let a mistake model change one term of the update."""

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
        self.params, self.lr, self.betas, self.eps = list(params), lr, betas, eps
        self.m = [np.zeros_like(p) for p in self.params]
        self.s = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def step(self, grads):
        self.t += 1
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            self._update(p, g, m, s, self.t)

    def _update(self, p, g, m, s, t):
        b1, b2 = self.betas
        m[...] = b1 * m + (1 - b1) * g
        s[...] = b2 * s + (1 - b2) * self._square(g)
        with np.errstate(divide="ignore", invalid="ignore"):
            m_hat, s_hat = self._corrected(m, s, t)
            p -= self.lr * m_hat / self._denominator(s_hat)

    def _square(self, g):
        return g * g

    def _corrected(self, m, s, t):
        b1, b2 = self.betas
        return m / (1 - b1**t), s / (1 - b2**t)

    def _denominator(self, s_hat):
        return np.sqrt(s_hat) + self.eps


class AdamWithoutBiasCorrection(Adam):
    """Steps with m_t / (√s_t + ε): the division by 1 - β^t forgotten."""

    def _corrected(self, m, s, t):
        return m, s


class AdamFirstMomentOnly(Adam):
    """Corrects m_t but not s_t."""

    def _corrected(self, m, s, t):
        return m / (1 - self.betas[0] ** t), s


class AdamEpsInsideRoot(Adam):
    """θ -= η m̂ / √(ŝ + ε): ε under the square root."""

    def _denominator(self, s_hat):
        return np.sqrt(s_hat + self.eps)


class AdamAverageOfG(Adam):
    """s_t averages g_t instead of g_t²: its square root is NaN where s_t < 0."""

    def _square(self, g):
        return g


class AdamStepAfterUpdate(Adam):
    """Uses t before counting the step: t = 0 at the first step, and 1 - β^0 = 0 divides."""

    def step(self, grads):
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            self._update(p, g, m, s, self.t)
        self.t += 1


class AdamStepPerArray(Adam):
    """Counts t once per parameter array (``self.t += 1`` inside the loop over the arrays)."""

    def step(self, grads):
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            self.t += 1
            self._update(p, g, m, s, self.t)


class AdamKingmaPlainEps(Adam):
    """Kingma and Ba's efficient form with ε where ε̂ = ε√(1 - β2^t) belongs."""

    def _corrected(self, m, s, t):
        b1, b2 = self.betas
        return m * np.sqrt(1 - b2**t) / (1 - b1**t), s  # η_t m_t / (√s_t + ε), with η_t / η


# --- the training loop (Task 8) ---------------------------------------------------------------
TRAIN_MISTAKES = ("no_shuffle", "shuffle_once", "misaligned", "drop_last", "val_on_train",
                  "before_epoch", "running_accuracy", "percent")


def evaluate(model, loss, X, y) -> tuple[float, float]:
    """(mean loss, accuracy) of ``model`` on (X, y), from one forward pass."""
    out = model.forward(X)
    return float(loss.forward(out, y)), float(np.mean(out.argmax(axis=1) == y))


def train(model, loss, optimizer, X, y, X_val, y_val, *, epochs, batch_size, rng,
          mistake: str | None = None) -> dict[str, list[float]]:
    """Mini-batch training; after every epoch, loss and accuracy on both sets.

    Each epoch draws ``order = rng.permutation(N)`` and visits ``X[order]`` in batches of
    ``batch_size`` (the last one smaller); each step runs forward, loss, backward and
    ``optimizer.step(model.gradients())``. ``mistake`` is one of :data:`TRAIN_MISTAKES`.
    """
    n = len(X)
    history = {"train_loss": [], "train_accuracy": [], "val_loss": [], "val_accuracy": []}
    once = rng.permutation(n) if mistake == "shuffle_once" else None

    def record():
        tl, ta = evaluate(model, loss, X, y)
        vl, va = evaluate(model, loss, X, y) if mistake == "val_on_train" else \
            evaluate(model, loss, X_val, y_val)
        history["train_loss"].append(tl)
        history["train_accuracy"].append(ta if mistake != "running_accuracy" else running[0])
        history["val_loss"].append(vl)
        history["val_accuracy"].append(va)

    for _ in range(epochs):
        if mistake == "before_epoch":
            running = [np.nan]
            record()
        if mistake == "no_shuffle":
            order_x = order_y = np.arange(n)
        elif mistake == "shuffle_once":
            order_x = order_y = once
        elif mistake == "misaligned":
            order_x, order_y = rng.permutation(n), rng.permutation(n)
        else:
            order_x = order_y = rng.permutation(n)
        last = n - n % batch_size if mistake == "drop_last" else n
        hits = 0
        for start in range(0, last, batch_size):
            xb = X[order_x[start:start + batch_size]]
            yb = y[order_y[start:start + batch_size]]
            out = model.forward(xb)
            loss.forward(out, yb)
            hits += int(np.sum(out.argmax(axis=1) == yb))
            model.backward(loss.backward())
            optimizer.step(model.gradients())
        running = [hits / last if last else np.nan]
        if mistake != "before_epoch":
            record()
    if mistake == "percent":
        for key in ("train_accuracy", "val_accuracy"):
            history[key] = [100 * a for a in history[key]]
    return history


# --- the range test and the learning rate it suggests (Task 9) ---------------------------------
def lr_range_test(train_step: Callable[[float], float], lr_min, lr_max, steps, beta=0.9,
                  explode=4.0):
    """Smith's range test (Chapter 5), as Exercise 5 asks for it: η grows geometrically, one
    training step each; the rates and bias-corrected smoothed losses of every step taken, the
    one that stopped the test (a loss not finite, or above ``explode`` times the lowest
    smoothed loss so far) included."""
    lrs, smoothed, average = np.geomspace(lr_min, lr_max, steps), [], 0.0
    for t, lr in enumerate(lrs, start=1):
        loss = float(train_step(lr))
        average = beta * average + (1 - beta) * loss
        smoothed.append(average / (1 - beta**t))
        if not np.isfinite(loss) or smoothed[-1] > explode * min(smoothed):
            break
    return lrs[:len(smoothed)], np.array(smoothed)


FIND_LR_MISTAKES = ("lr_not_set", "loss_after_step", "same_batch", "no_reshuffle",
                    "suggest_at_min", "argmin_nan")


def find_lr(make_model, make_optimizer, X, y, *, lr_min, lr_max, steps, batch_size, seed,
            mistake: str | None = None):
    """The range test on a fresh network over shuffled mini-batches: ``(lrs, smoothed,
    suggested)``, the suggestion a tenth of the rate at the lowest smoothed loss.

    ``mistake`` is one of :data:`FIND_LR_MISTAKES`.
    """
    model = make_model(np.random.default_rng(seed))
    optimizer = make_optimizer(model.parameters())
    loss, rng = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1)
    state = {"batches": [], "order": None}

    def next_batch():
        if mistake == "same_batch":
            if state["order"] is None:
                state["order"] = rng.permutation(len(X))
            return state["order"][:batch_size]
        if not state["batches"]:
            if mistake != "no_reshuffle" or state["order"] is None:
                state["order"] = rng.permutation(len(X))
            order = state["order"]
            state["batches"] = [order[i:i + batch_size] for i in range(0, len(X), batch_size)]
        return state["batches"].pop(0)

    def train_step(lr):
        batch = next_batch()
        with np.errstate(all="ignore"):
            value = loss.forward(model.forward(X[batch]), y[batch])
            model.backward(loss.backward())
            if mistake != "lr_not_set":
                optimizer.lr = lr
            optimizer.step(model.gradients())
            if mistake == "loss_after_step":
                value = loss.forward(model.forward(X[batch]), y[batch])
        return value

    with np.errstate(invalid="ignore"):
        lrs, smoothed = lr_range_test(train_step, lr_min, lr_max, steps)
    best = (np.argmin if mistake == "argmin_nan" else np.nanargmin)(smoothed)
    return lrs, smoothed, float(lrs[best] / (1 if mistake == "suggest_at_min" else 10))


# --- the race and the final network (Tasks 10 and 11) -----------------------------------------
RACE_MISTAKES = ("one_model", "shared_init_rng", "shared_shuffle_rng")


def winner(histories: Mapping[str, Mapping], rule: str = "validation") -> str:
    """The name with the highest final validation accuracy, ties to the lower validation loss.

    Other ``rule`` values are the usual wrong choices: ``"train_accuracy"``, ``"train_loss"``
    (lowest final training loss), ``"best_epoch"`` (highest validation accuracy at any epoch),
    and ``"first_of_ties"`` (highest final validation accuracy, ties to the first listed).
    """
    def last(name, key):
        return float(histories[name][key][-1])

    keys = {
        "validation": lambda n: (-last(n, "val_accuracy"), last(n, "val_loss")),
        "train_accuracy": lambda n: (-last(n, "train_accuracy"), last(n, "train_loss")),
        "train_loss": lambda n: last(n, "train_loss"),
        "best_epoch": lambda n: -max(histories[n]["val_accuracy"]),
        "first_of_ties": lambda n: -last(n, "val_accuracy"),
    }
    return min(histories, key=keys[rule])


def race(make_model, optimizers, X_train, y_train, X_val, y_val, *, epochs, batch_size, seed,
         mistake: str | None = None, train=train):
    """One fresh network per optimizer, all on the same budget; the histories and the winner.

    For every ``name, make_opt`` of ``optimizers``: ``model = make_model(default_rng(seed))``,
    ``history = train(model, SoftmaxCrossEntropy(), make_opt(model.parameters()), ...,
    rng=default_rng(seed + 1))``. ``mistake`` is one of :data:`RACE_MISTAKES`.
    """
    init_rng, shuffle_rng = np.random.default_rng(seed), np.random.default_rng(seed + 1)
    shared = make_model(np.random.default_rng(seed)) if mistake == "one_model" else None
    histories = {}
    for name, make_opt in optimizers.items():
        if shared is not None:
            model = shared
        else:
            model = make_model(init_rng if mistake == "shared_init_rng"
                               else np.random.default_rng(seed))
        rng = shuffle_rng if mistake == "shared_shuffle_rng" else np.random.default_rng(seed + 1)
        histories[name] = train(model, SoftmaxCrossEntropy(), make_opt(model.parameters()),
                                X_train, y_train, X_val, y_val, epochs=epochs,
                                batch_size=batch_size, rng=rng)
    return histories, winner(histories)


def digits_split(seed: int = 2024):
    """Chapter 7's split of the digits (60/20/20), standardised with training statistics.

    Returns ``X_train, y_train, X_val, y_val, X_test, y_test``.
    """
    from gdlib import data

    rng = np.random.default_rng(seed)
    X, y = data.load_digits()
    X_rest, X_test, y_rest, y_test = data.train_test_split(X, y, test_fraction=0.2, rng=rng)
    X_train, X_val, y_train, y_val = data.train_test_split(X_rest, y_rest, test_fraction=0.25,
                                                           rng=rng)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return ((X_train - mean) / std, y_train, (X_val - mean) / std, y_val,
            (X_test - mean) / std, y_test)
