"""Models of Exercise 6's common mistakes (vanishing and exploding gradients).

- clipping (Tasks 3 and 4): :func:`clip_norm_variant`, :func:`clip_value_variant`;
- reading per-layer gradient norms (Task 5): :data:`DIAGNOSE_MISTAKES`;
- batch normalisation (Tasks 6 and 7): :func:`batchnorm_forward_variant` and
  :func:`batchnorm_backward_variant`, each the reference (``mistake=None``, as
  ``gdlib.nn.BatchNorm1d`` in training mode) or one named mistake.
"""

from __future__ import annotations

import math

import numpy as np

# -- Tasks 3 and 4: clipping --------------------------------------------------------------
CLIP_NORM_MISTAKES = ("per_array", "scaled_up", "at_equality", "sum_of_norms", "squared_norm",
                      "by_value", "no_epsilon")


def clip_norm_variant(grads, max_norm, mistake=None):
    """Clip copies of ``grads`` by the global norm (or with a mistake); (clipped, returned)."""
    out = [np.array(g, dtype=float) for g in grads]
    squares = sum(float(np.sum(g * g)) for g in out)
    total = math.sqrt(squares)
    if mistake == "per_array":
        for g in out:
            n = float(np.linalg.norm(g))
            if n > max_norm:
                g *= max_norm / (n + 1e-6)
        return out, total
    if mistake == "by_value":
        for g in out:
            np.clip(g, -max_norm, max_norm, out=g)
        return out, total
    norm = {"sum_of_norms": sum(float(np.linalg.norm(g)) for g in out),
            "squared_norm": squares}.get(mistake, total)
    clip = norm >= max_norm if mistake == "at_equality" else norm > max_norm
    if clip or mistake == "scaled_up":
        scale = max_norm / norm if mistake == "no_epsilon" else max_norm / (norm + 1e-6)
        for g in out:
            g *= scale
    return out, norm


def clip_value_variant(grads, clip_value, mistake=None):
    """Clamp copies of ``grads`` to [-c, c] (or with a mistake)."""
    out = [np.array(g, dtype=float) for g in grads]
    for g in out:
        if mistake == "upper_only":
            np.minimum(g, clip_value, out=g)
        elif mistake == "zero_to_c":
            np.clip(g, 0.0, clip_value, out=g)
        elif mistake == "scaled":
            m = float(np.max(np.abs(g))) if g.size else 0.0
            if m > clip_value:
                g *= clip_value / m
        else:
            np.clip(g, -clip_value, clip_value, out=g)
    return out


# -- Task 5: reading per-layer gradient norms ---------------------------------------------
def _diagnose(grad_norms, ratio=100.0, *, nan_ok=True, compare="all", ref="last",
              over=False, inclusive=False, order=("exploding", "vanishing")):
    norms = [float(v) for v in grad_norms]
    base = norms[0] if ref == "first" else norms[-1]
    others = norms if compare == "all" else [norms[-1] if ref == "first" else norms[0]]
    big = ratio / base if over else ratio * base  # over: the mutation ratio / last
    small = base / ratio
    finite = all(math.isfinite(v) for v in norms)
    exploding = (nan_ok and not finite) or any(
        (v >= big) if inclusive else (v > big) for v in others)
    vanishing = any((v <= small) if inclusive else (v < small) for v in others)
    for rule in order:
        if rule == "exploding" and exploding:
            return "exploding"
        if rule == "vanishing" and vanishing:
            return "vanishing"
    return "healthy"


DIAGNOSE_MISTAKES = {
    "first_and_last_only": lambda *a, **k: _diagnose(*a, compare="first", **k),
    "ratio_over_last": lambda *a, **k: _diagnose(*a, over=True, **k),
    "reversed_layers": lambda *a, **k: _diagnose(*a, ref="first", **k),
    "nan_compared": lambda *a, **k: _diagnose(*a, nan_ok=False, **k),
    "inclusive": lambda *a, **k: _diagnose(*a, inclusive=True, **k),
    "rules_swapped": lambda *a, **k: _diagnose(*a, order=("vanishing", "exploding"), **k),
}


# -- Tasks 6 and 7: batch normalisation ---------------------------------------------------
BN_FORWARD_MISTAKES = ("unbiased_normalisation", "biased_running_var", "eps_outside_sqrt",
                       "running_stats_before", "running_stats_after", "per_example",
                       "momentum_flipped", "no_scale_shift", "no_eps")


def batchnorm_forward_variant(x, gamma, beta, running_mean, running_var, momentum=0.1,
                              eps=1e-5, mistake=None):
    """Training-mode forward; returns ``(y, new_running_mean, new_running_var)`` (no in-place).

    With ``mistake=None`` it is ``gdlib.nn.BatchNorm1d`` in training mode.
    """
    x = np.asarray(x, dtype=float)
    n = len(x)
    axis = 1 if mistake == "per_example" else 0
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, ddof=1 if mistake == "unbiased_normalisation" else 0, keepdims=True)
    bmean, bvar = x.mean(axis=0), x.var(axis=0)
    m = 1.0 - momentum if mistake == "momentum_flipped" else momentum
    unbiased = bvar if mistake == "biased_running_var" else bvar * n / (n - 1)
    new_mean = (1 - m) * np.asarray(running_mean) + m * bmean
    new_var = (1 - m) * np.asarray(running_var) + m * unbiased
    if mistake == "running_stats_before":
        mean, var = np.asarray(running_mean), np.asarray(running_var)
    elif mistake == "running_stats_after":
        mean, var = new_mean, new_var
    with np.errstate(divide="ignore", invalid="ignore"):
        if mistake == "eps_outside_sqrt":
            xhat = (x - mean) / (np.sqrt(var) + eps)
        elif mistake == "no_eps":
            xhat = (x - mean) / np.sqrt(var)
        else:
            xhat = (x - mean) / np.sqrt(var + eps)
    y = xhat if mistake == "no_scale_shift" else gamma * xhat + beta
    return y, new_mean, new_var


BN_BACKWARD_MISTAKES = ("statistics_constant", "mean_term_only", "variance_term_only",
                        "gamma_missing", "dgamma_from_x", "sums_as_means", "unbiased_variance")


def batchnorm_backward_variant(grad_out, x, gamma, eps=1e-5, mistake=None):
    """dx, dgamma, dbeta of the training-mode forward (or with one named mistake)."""
    g, x = np.asarray(grad_out, dtype=float), np.asarray(x, dtype=float)
    n = len(x)
    mean = x.mean(axis=0)
    ddof = 1 if mistake == "unbiased_variance" else 0
    inv_std = 1.0 / np.sqrt(x.var(axis=0, ddof=ddof) + eps)
    xhat = (x - mean) * inv_std
    dgamma = np.sum(g * (x if mistake == "dgamma_from_x" else xhat), axis=0)
    dbeta = np.sum(g, axis=0)
    if mistake == "sums_as_means":
        dgamma, dbeta = dgamma / n, dbeta / n
    dxhat = g if mistake == "gamma_missing" else g * gamma
    if mistake == "statistics_constant":
        dx = dxhat * inv_std
    elif mistake == "mean_term_only":
        dx = inv_std * (dxhat - dxhat.mean(axis=0))
    elif mistake == "variance_term_only":
        dx = inv_std * (dxhat - xhat * (dxhat * xhat).mean(axis=0))
    elif mistake == "unbiased_variance":  # the derivative of the forward with ddof=1
        d = x - mean
        dvar = np.sum(dxhat * d, axis=0) * -0.5 * inv_std**3
        dx = dxhat * inv_std + dvar * 2.0 * d / (n - 1) - np.sum(dxhat * inv_std, axis=0) / n
    else:
        dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    return dx, dgamma, dbeta
