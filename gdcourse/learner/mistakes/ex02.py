"""Models of Exercise 2's common mistakes (numerical gradients and the gradient check).

Each ``for_<function>(...)`` takes the inputs of one test and returns ``{hint: wrong value}``,
what the mistake gives for those inputs, to pass as ``mistakes=`` to the checks: a learner's
result equal to one of them is named by its hint.
"""

from __future__ import annotations

import numpy as np

from . import quietly

TINY = 1e-12


def central_difference(f, x, eps):
    """The central-difference gradient of ``f`` at a copy of ``x`` (the right answer, so the
    tests forbid a learner's code to call it)."""
    x, g = np.array(x, dtype=float), np.zeros(np.shape(x))
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        up = float(f(x))
        x[idx] = old - eps
        down = float(f(x))
        x[idx] = old
        g[idx] = (up - down) / (2 * eps)
    return g


def forward_difference(f, x, eps):
    """The forward-difference gradient of ``f`` at a copy of ``x``."""
    x, g = np.array(x, dtype=float), np.zeros(np.shape(x))
    base = float(f(x))
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        g[idx] = (float(f(x)) - base) / eps
        x[idx] = old
    return g


FORWARD = ("this is the forward difference (J(x+eps) - J(x)) / eps, whose error shrinks only "
           "like eps. Use the central difference (J(x+eps) - J(x-eps)) / (2 eps).")
OVER_EPS = ("every entry is twice the central difference: the difference J(x+eps) - J(x-eps) "
            "spans 2·eps, so divide by 2·eps, not by eps.")
IGNORES_EPS = ("your numerical gradient is the one for eps=1e-6, not for the eps the check was "
               "given: pass eps on to numerical_gradient(f, x, eps).")
FIXED_STEP = ("your result is the central difference for a tiny step, not for the eps the "
              "function was given: use the argument eps (it is not always 1e-6).")


@quietly
def for_numerical_gradient(f, x, eps):
    """Mistakes of a central-difference gradient of ``f`` at ``x`` with step ``eps``."""
    central = central_difference(f, x, eps)
    out = {FORWARD: forward_difference(f, x, eps), OVER_EPS: 2 * central}
    if eps > 1e-3:  # a small fixed step is told apart from this eps only when eps is large
        out[FIXED_STEP] = central_difference(f, x, 1e-6)
    return out


@quietly
def for_relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    d = np.abs(a - b)
    if d.size == 0:
        return {"for empty arrays the task asks for 0.0; np.mean and np.max of an empty array "
                "are NaN or an error, so test errors.size first.": np.nan}
    rel = d / np.maximum(np.abs(a) + np.abs(b), TINY)
    return {
        "where both entries are 0 you divide 0 by 0 and get NaN: floor the denominator, "
        "np.maximum(np.abs(a) + np.abs(b), TINY).": np.max(d / (np.abs(a) + np.abs(b))),
        "that is the mean of the entrywise errors; return the largest one (np.max), so that "
        "one wrong entry is not hidden by many right ones.": np.mean(rel),
        "that is the absolute error |a - b|; divide by |a| + |b| to make it relative.":
            np.max(d),
        "your denominator is max(|a|, |b|), another convention (at most a factor 2 apart); "
        "this task's is |a| + |b|, floored at TINY.":
            np.max(d / np.maximum(np.maximum(np.abs(a), np.abs(b)), TINY)),
        "you divide by |b| only; the relative error is symmetric in a and b: divide by "
        "|a| + |b|, floored at TINY.": np.max(d / np.maximum(np.abs(b), TINY)),
    }


@quietly
def for_tanh_layer(X, W, b, T):
    """({hint: dW}, {hint: db}) of the mistakes in the gradient of J = MSE(tanh(XW + b), T)."""
    A = X @ W + b
    Y = np.tanh(A)  # Ŷ, shape (N, H)
    n, h = Y.shape
    dY = 2 * (Y - T) / Y.size  # dJ/dŶ

    def grads(dA):
        return X.T @ dA, dA.sum(axis=0)

    cases = {
        "your tanh' uses the pre-activation a: tanh'(a) = 1 - tanh(a)², i.e. 1 - Ŷ² with "
        "Ŷ = tanh(XW + b), not 1 - a².": grads(dY * (1 - A**2)),
        "that is the sigmoid's derivative σ(1 - σ) applied to Ŷ; tanh's is 1 - tanh²: "
        "dJ/dA = dJ/dŶ ⊙ (1 - Ŷ²).": grads(dY * Y * (1 - Y)),
        "the factor tanh' is missing: the chain rule passes dJ/dŶ through the activation, "
        "dJ/dA = dJ/dŶ ⊙ (1 - Ŷ²), before dW = Xᵀ dJ/dA.": grads(dY),
        f"you divided by N = {n}, the number of rows; the MSE averages over all "
        f"N·H = {n * h} entries of Ŷ.": grads(dY * Y.size / n * (1 - Y**2)),
        "each entry is half the right size: d(ŷ - t)²/dŷ = 2 (ŷ - t).":
            grads(dY / 2 * (1 - Y**2)),
        f"you summed the squared errors over the N·H = {n * h} entries instead of averaging: "
        "J is their mean.": grads(dY * Y.size * (1 - Y**2)),
    }
    dA = dY * (1 - Y**2)
    dW = {msg: g[0] for msg, g in cases.items()}
    db = {msg: g[1] for msg, g in cases.items()}
    db[f"your db is the mean of the rows of dJ/dA; the bias is added to all N = {n} rows, "
       "so its gradient is their sum."] = dA.mean(axis=0)
    return dW, db


def network_checks(net, X, y, eps, rtol, upstream=1.0, zero_analytic=False, copy=False):
    """The gradient check of every parameter of ``net`` for the cross-entropy of ``net(X)``.

    Without a keyword this is the right answer to Task 5 (so the tests forbid a learner's code
    to call it); ``upstream=N`` backpropagates the summed loss's gradient, ``zero_analytic``
    compares with zero gradients (no backward pass), ``copy`` perturbs copies of the parameters.
    """
    from gdlib import gradcheck, losses

    net.backward(upstream * losses.cross_entropy_grad(net(X), y))
    grads = [np.zeros_like(g) if zero_analytic else g.copy() for g in net.gradients()]

    def loss(_):
        return losses.cross_entropy(net(X), y)

    return [gradcheck.gradient_check(loss, p.copy() if copy else p, g, eps=eps, rtol=rtol)
            for p, g in zip(net.parameters(), grads, strict=True)]
