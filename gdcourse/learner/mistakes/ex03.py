"""Models of Exercise 3's common mistakes (the update rule), run beside a learner's code.

The optimizers here take the same arguments as the ``gdlib.optim`` class they imitate, so
:func:`gdcourse.learner.checks.expect_optimizer` can run them side by side with the reference:
``SGDMistake("dampening")`` is SGD with that one mistake, and so on. Each mistake's hint is in
``HINTS``. The ``on_*`` factories build the reference's behaviour on top of the learner's own
simpler optimizer (their plain SGD step, their Adam without weight decay), so that a test of
one feature grades that feature alone when an earlier one is wrong. :func:`linear_regression`
runs Task 1's gradient descent with one mistake.
"""

from __future__ import annotations

import functools

import numpy as np

from gdlib import optim

from . import quietly

HINTS = {
    # SGD
    "momentum_ignored":
        "your parameters move exactly as plain gradient descent would: the step must use the "
        "velocity v_t = μ v_(t-1) + g_t, not g_t, and v must be kept between steps (update "
        "self.velocity[i] in place, or assign the new array back to it).",
    "dampening":
        "your velocity is an average, v_t = μ v_(t-1) + (1 - μ) g_t (torch's dampening); "
        "this task's (and torch's default) adds the whole gradient: v_t = μ v_(t-1) + g_t.",
    "mu_on_gradient":
        "you wrote v_t = v_(t-1) + μ g_t: μ multiplies the old velocity, v_t = μ v_(t-1) + g_t.",
    "nesterov_ignored":
        "with nesterov=True your steps are plain momentum's, θ -= η v_t (a step with the old "
        "velocity, g_t + μ v_(t-1), is the same thing); Nesterov's look-ahead step updates v "
        "first, then steps with θ -= η (g_t + μ v_t).",
    "decay_after_momentum":
        "your decay acts outside the velocity (θ -= ηωθ beside, before or after θ -= η v_t): "
        "that is decoupled weight decay. SGD's weight_decay is L2: ωθ joins the gradient "
        "first, g_t ← g_t + ωθ, and then goes through the velocity (Chapter 3, weight decay "
        "and AdamW: with momentum the two differ).",
    "decay_without_lr":
        "your decay shrinks θ by ωθ per step, without the learning rate; L2 weight decay adds "
        "ωθ to the gradient, so the step shrinks θ by ηωθ.",
    "decay_sign":
        "your weight decay pushes the parameters away from 0: add +ωθ to the gradient.",
    "decay_ignored":
        "weight_decay has no effect on your steps: add ωθ to each gradient, g_t ← g_t + ωθ.",
    "lr_ignored":
        "your steps do not depend on lr: use self.lr (the tests pass other values).",
    # RMSprop
    "eps_inside_sqrt":
        "you put ε inside the square root, √(s_t + ε); this task (and torch) adds it outside, "
        "√s_t + ε. With ε = 1e-8, √ε = 1e-4 is ten thousand times larger than ε.",
    "alpha_swapped":
        "your average weights the new gradient by α: s_t = α s_(t-1) + (1 - α) g_t², so the "
        "old average keeps the weight α (0.99 by default).",
    "no_state":
        "your s_t forgets the past: it must be kept between steps (self.square_avg[i], "
        "updated in place or assigned back), s_t = α s_(t-1) + (1 - α) g_t².",
    "no_sqrt":
        "you divide by s_t itself; the step divides by its square root, √s_t + ε.",
    "adagrad_sum":
        "your s_t is a running sum, s_t = s_(t-1) + g_t²: that is AdaGrad. RMSprop's is a "
        "leaky average, s_t = α s_(t-1) + (1 - α) g_t².",
    # Adam
    "no_bias_correction":
        "your steps match Adam without bias correction: divide m_t by (1 - β1^t) and s_t by "
        "(1 - β2^t), with t the number of steps taken so far (1 at the first step).",
    "t_from_zero":
        "your first step divides by 1 - β^0 = 0: t must be 1 at the first step (increment "
        "self.t before the bias correction).",
    "t_per_array":
        "your t grows once per parameter array, not once per step: increment self.t once, "
        "before the loop over the arrays.",
    "betas_swapped":
        "you swapped β1 and β2: m_t (the average of g_t) uses β1 = betas[0], s_t (of g_t²) "
        "uses β2 = betas[1].",
    "bias_m_only":
        "you bias-correct m_t but not s_t: divide s_t by (1 - β2^t) too.",
    "efficient_eps":
        "your steps match Adam's 'efficient' form, η·√(1-β2^t)/(1-β1^t)·m_t/(√s_t + ε), which "
        "adds ε to √s_t instead of √ŝ_t; it equals this task's (torch's) Adam only with ε "
        "replaced by ε·√(1-β2^t). Add ε to √ŝ_t.",
    "adam_decay_decoupled":
        "your decay acts outside m_t and s_t (ηωθ subtracted beside Adam's step): that is "
        "AdamW's decoupled decay. Adam's weight_decay is L2: add ωθ to g_t before m_t and "
        "s_t (Chapter 3, weight decay and AdamW).",
    # AdamW
    "adamw_as_l2":
        "your AdamW adds ωθ to the gradient (L2, Adam's weight_decay); AdamW decouples it: "
        "θ ← θ - ηωθ, then Adam's step with g_t alone.",
    "adamw_decay_after":
        "your decay uses θ after the Adam step; AdamW decays θ_(t-1) first, θ ← (1 - ηω) θ, "
        "then takes the Adam step.",
    "adamw_without_lr":
        "your decay is θ ← (1 - ω) θ; AdamW's is θ ← (1 - ηω) θ: the learning rate scales it.",
    "adamw_ignored":
        "weight_decay has no effect on your AdamW: before each Adam step it shrinks the "
        "parameters, θ ← (1 - ηω) θ.",
    "adamw_default":
        "called without weight_decay, your AdamW does not decay: its default is "
        "weight_decay=0.01, as torch's.",
    "adamw_both":
        "your AdamW decays θ twice: the decoupled θ ← (1 - ηω) θ and also L2 (ωθ in the "
        "gradient, e.g. through Adam's step with weight_decay still set). Only the "
        "decoupled decay belongs to AdamW.",
}


def momentum_ignored(params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
    """SGD whose steps use g_t instead of the velocity v_t (or whose v_t is never kept)."""
    return optim.SGD(params, lr=lr, weight_decay=weight_decay)


class SGDMistake:
    """torch's SGD with one named mistake (a key of ``HINTS``)."""

    def __init__(self, mistake, params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        self.mistake, self.params, self.lr = mistake, list(params), lr
        self.mu, self.nesterov, self.wd = momentum, nesterov, weight_decay
        self.v = [np.zeros_like(p) for p in self.params]

    @quietly
    def step(self, grads):
        k, mu, lr, wd = self.mistake, self.mu, self.lr, self.wd
        lr = 0.01 if k == "lr_ignored" else lr
        for p, g, v in zip(self.params, grads, self.v, strict=True):
            decay = wd * p
            if k == "decay_sign":
                g = g - decay
            elif k not in ("decay_after_momentum", "decay_without_lr", "decay_ignored"):
                g = g + decay
            if mu:
                v *= 1.0 if k == "mu_on_gradient" else mu
                v += (1 - mu) * g if k == "dampening" else mu * g if k == "mu_on_gradient" else g
                if self.nesterov and k != "nesterov_ignored":
                    d = g + mu * v
                else:
                    d = v
            else:
                d = g
            if k == "decay_after_momentum":
                d = d + decay
            if k == "momentum_ignored":
                d = g
            p -= lr * d
            if k == "decay_without_lr":
                p -= decay


class RMSpropMistake:
    """torch's RMSprop (no momentum) with one named mistake."""

    def __init__(self, mistake, params, lr=0.01, alpha=0.99, eps=1e-8):
        self.mistake, self.params, self.lr = mistake, list(params), lr
        self.alpha, self.eps = alpha, eps
        self.s = [np.zeros_like(p) for p in self.params]

    @quietly
    def step(self, grads):
        k, a, eps = self.mistake, self.alpha, self.eps
        for p, g, s in zip(self.params, grads, self.s, strict=True):
            if k == "alpha_swapped":
                s[...] = (1 - a) * s + a * g * g
            elif k == "no_state":
                s[...] = (1 - a) * g * g
            elif k == "adagrad_sum":
                s[...] = s + g * g
            else:
                s[...] = a * s + (1 - a) * g * g
            if k == "eps_inside_sqrt":
                p -= self.lr * g / np.sqrt(s + eps)
            elif k == "no_sqrt":
                p -= self.lr * g / (s + eps)
            else:
                p -= self.lr * g / (np.sqrt(s) + eps)


class AdamMistake:
    """torch's Adam, or AdamW with ``decoupled=True``, with one named mistake."""

    decoupled = False

    def __init__(self, mistake, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.0):
        self.mistake, self.params, self.lr = mistake, list(params), lr
        self.betas, self.eps, self.wd = betas, eps, weight_decay
        self.m = [np.zeros_like(p) for p in self.params]
        self.s = [np.zeros_like(p) for p in self.params]
        self.t = 0

    @quietly
    def step(self, grads):
        k, lr, wd, eps = self.mistake, self.lr, self.wd, self.eps
        b1, b2 = self.betas[::-1] if k == "betas_swapped" else self.betas
        if k != "t_per_array":
            self.t += 1
        decoupled = self.decoupled and k != "adamw_as_l2"
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            if k == "t_per_array":
                self.t += 1
            t = self.t - 1 if k == "t_from_zero" else self.t
            if decoupled and k not in ("adamw_decay_after", "adamw_ignored", "adamw_default"):
                p *= 1 - (wd if k == "adamw_without_lr" else lr * wd)
            if (wd and not decoupled and k not in ("adam_decay_decoupled", "decay_ignored")) \
                    or k == "adamw_both":
                g = g + wd * p
            m[...] = b1 * m + (1 - b1) * g
            s[...] = b2 * s + (1 - b2) * g * g
            if k == "no_bias_correction":
                step = m / (np.sqrt(s) + eps)
            elif k == "bias_m_only":
                step = m / (1 - b1**t) / (np.sqrt(s) + eps)
            elif k == "efficient_eps":
                step = np.sqrt(1 - b2**t) / (1 - b1**t) * m / (np.sqrt(s) + eps)
            elif k == "eps_inside_sqrt":
                step = m / (1 - b1**t) / np.sqrt(s / (1 - b2**t) + eps)
            else:
                step = m / (1 - b1**t) / (np.sqrt(s / (1 - b2**t)) + eps)
            if k == "adam_decay_decoupled":
                p -= lr * wd * p
            p -= lr * step
            if k == "adamw_decay_after":
                p *= 1 - lr * wd


class AdamWMistake(AdamMistake):
    """torch's AdamW with one named mistake."""

    decoupled = True

    def __init__(self, mistake, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.01):
        super().__init__(mistake, params, lr, betas, eps, weight_decay)


class AdamWithoutBiasCorrection(AdamMistake):
    """Adam that steps with m_t / (√s_t + ε), forgetting the division by 1 - β^t."""

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        super().__init__("no_bias_correction", params, lr, betas, eps, weight_decay)


def models(cls, names) -> dict:
    """``{hint: factory}`` for ``expect_optimizer(mistakes=...)``, one per mistake name."""
    return {HINTS[n]: functools.partial(cls, n) for n in names}


# -- features on top of the learner's own optimizer ----------------------------------------
class _OnOwn:
    """The reference's feature computed here, the step taken by the learner's optimizer."""

    def __init__(self, inner, direction):
        self.inner, self.params, self.direction = inner, inner.params, direction

    def step(self, grads):
        self.inner.step(self.direction(self.params, grads))


def on_own_plain_sgd(sgd_class):
    """SGD(momentum, nesterov, weight_decay) as torch computes the direction d_t, stepped by
    the learner's plain ``sgd_class(params, lr)``: θ ← θ - η d_t with their own step."""
    def make(params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        inner = sgd_class(params, lr)
        buffers = [np.zeros_like(p) for p in params]

        def direction(ps, grads):
            out = []
            for p, g, v in zip(ps, grads, buffers, strict=True):
                g = g + weight_decay * p
                if momentum:
                    v *= momentum
                    v += g
                    g = g + momentum * v if nesterov else v.copy()
                out.append(g)
            return out
        return _OnOwn(inner, direction)
    return make


def on_own_l2(optimizer_class):
    """``optimizer_class(..., weight_decay=ω)`` as the learner's own class without weight decay,
    fed the L2 gradient g_t + ωθ."""
    def make(params, weight_decay=0.0, **kwargs):
        inner = optimizer_class(params, weight_decay=0.0, **kwargs)
        return _OnOwn(inner, lambda ps, grads: [g + weight_decay * p
                                                for p, g in zip(ps, grads, strict=True)])
    return make


def on_own_decoupled(adam_class):
    """AdamW as the learner's own Adam without weight decay, after θ ← (1 - ηω) θ."""
    def make(params, lr=0.001, weight_decay=0.01, **kwargs):
        inner = adam_class(params, lr=lr, weight_decay=0.0, **kwargs)

        def decay_then(ps, grads):
            for p in ps:
                p *= 1 - lr * weight_decay
            return grads
        return _OnOwn(inner, decay_then)
    return make


# -- Task 1 --------------------------------------------------------------------------------
LINREG = {
    "sum": "your gradient is N times too large: you left out the 1/N of the mean, "
           "dJ/dw = (2/N) Xᵀ(ŷ - y) and dJ/db = (2/N) Σ(ŷ - y).",
    "half": "your gradient is half the right size: the derivative of r² is 2r, so "
            "dJ/dw = (2/N) Xᵀ(ŷ - y).",
    "sign": "your steps go uphill: the residual is the prediction minus the target, ŷ - y "
            "(the blog post's y - ŷ flips the gradient, and every step climbs).",
    "late": "your list starts with the loss after the first step: record the loss at the "
            "current (w, b) before you update them.",
    "sequential": "you update w first and then compute b's gradient at the new w: compute "
                  "both gradients at the same (w, b), then update both.",
    "lr": "your steps do not depend on lr: use the learning rate you are given.",
}


CLIMBS = ("your loss rises at every step, while gradient descent at this learning rate (below "
          "2/L for these data) lowers it at every step: your steps climb. Check the sign of the "
          "residual (ŷ - y, prediction minus target) and the factor 2/N of the gradient.")


@quietly
def linear_regression(X, y, lr, steps, mistake=None):
    """Task 1's gradient descent with one mistake (a key of ``LINREG``): (w, b, losses)."""
    n, d = X.shape
    w, b, losses = np.zeros(d), 0.0, []
    lr = 0.01 if mistake == "lr" else lr
    scale = {"sum": 2.0, "half": 1.0 / n}.get(mistake, 2.0 / n)
    sign = -1.0 if mistake == "sign" else 1.0
    for _ in range(steps):
        r = sign * (X @ w + b - y)
        if mistake != "late":
            losses.append(float(np.mean(r**2)))
        w = w - lr * scale * X.T @ r
        if mistake == "sequential":
            r = sign * (X @ w + b - y)
        b = b - lr * scale * np.sum(r)
        if mistake == "late":
            losses.append(float(np.mean((X @ w + b - y) ** 2)))
    return w, float(b), losses
