r"""Optimization loops: ``minimize`` for 2-D paths (Chapter 3) and ``fit`` for networks
(Chapters 5 and 7).

Both loops are the same idea: compute the gradient :math:`g_t`, let the optimizer update
θ in place, repeat. ``fit`` adds mini-batches drawn with an explicit ``rng``, an optional
learning-rate schedule (``opt.lr = schedule(step)`` before every step), optional global-norm
gradient clipping, and a record of what happened (:class:`History`).

A run whose loss (or iterate) stops being finite raises :class:`DivergenceError`, naming
the step and the learning rate so the fix is clear.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import losses
from ._validate import as_float_array, check_positive, check_positive_int, check_rng
from .clip import clip_grad_norm

__all__ = ["DivergenceError", "Trajectory", "History", "minimize", "fit", "predict", "accuracy"]

_LOSSES = {
    "mse": (losses.mse, losses.mse_grad),
    "cross_entropy": (losses.cross_entropy, losses.cross_entropy_grad),
    "bce": (losses.binary_cross_entropy, losses.binary_cross_entropy_grad),
}


class DivergenceError(FloatingPointError):
    """The loss or the parameters became NaN or infinite (usually: learning rate too large).

    ``partial`` holds what was recorded before the failure (a :class:`Trajectory` from
    ``minimize``, a :class:`History` from ``fit``).
    """

    def __init__(self, message: str, partial=None) -> None:
        super().__init__(message)
        self.partial = partial


@dataclass
class Trajectory:
    """Path of ``minimize``: ``points`` of shape (steps + 1, D), start included;
    ``values`` of shape (steps + 1,) holding J at each point, or None when no ``f`` was given."""

    points: np.ndarray
    values: np.ndarray | None = None


@dataclass
class History:
    """Record of ``fit`` (E epochs, S steps in total, L ``Linear`` layers).

    Attributes
    ----------
    loss : ndarray of shape (E,)
        Mean training loss of each epoch (average over its examples).
    val_loss, val_accuracy : ndarray of shape (E,)
        On the validation set after each epoch (empty without one; accuracy only for
        ``"cross_entropy"`` and ``"bce"``).
    lr : ndarray of shape (S,)
        Learning rate η used at each step.
    grad_norms : ndarray of shape (E, L)
        Per-layer L2 norm of dJ/dW before clipping, averaged over the epoch's steps.
    step_loss : ndarray of shape (S,)
        Mini-batch loss at each step.
    """

    loss: np.ndarray = field(default_factory=lambda: np.zeros(0))
    val_loss: np.ndarray = field(default_factory=lambda: np.zeros(0))
    val_accuracy: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lr: np.ndarray = field(default_factory=lambda: np.zeros(0))
    grad_norms: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    step_loss: np.ndarray = field(default_factory=lambda: np.zeros(0))


def minimize(grad, x0, optimizer_factory: Callable, steps: int, *, schedule=None, f=None):
    r"""Run an optimizer on a function of θ and return the path (Chapter 3).

    Parameters
    ----------
    grad : callable or surface
        ``grad(theta)`` returns :math:`\nabla J(\theta)` with the shape of θ; or an object
        with ``.grad`` and ``.value`` methods (a ``gdlib.functions`` surface), in which case
        ``f`` defaults to its ``value``.
    x0 : array_like of shape (D,), float
        Starting point; not modified (the optimizer works on a copy).
    optimizer_factory : callable
        ``optimizer_factory([theta])`` returns an optimizer, e.g.
        ``lambda params: SGD(params, lr=0.1, momentum=0.9)``.
    steps : int
        Number of updates.
    schedule : callable, optional
        ``schedule(t)`` for t = 0, 1, ..., steps - 1 sets ``opt.lr`` before update t.
    f : callable, optional
        ``f(theta)`` returns J; if given (or taken from a surface) the values are recorded.

    Returns
    -------
    Trajectory

    Raises
    ------
    DivergenceError
        If θ or J(θ) becomes non-finite; ``err.partial`` holds the path up to that point.

    Examples
    --------
    >>> from gdlib.functions import IllConditionedQuadratic
    >>> from gdlib.optim import SGD
    >>> path = minimize(IllConditionedQuadratic(), [2.0, 1.0], lambda p: SGD(p, lr=0.05), 100)
    >>> path.points.shape, bool(path.values[-1] < 1e-2)
    ((101, 2), True)
    """
    if callable(getattr(grad, "grad", None)):
        f = grad.value if f is None else f
        grad = grad.grad
    if not callable(grad):
        raise TypeError(f"grad must be a callable or a surface, got {type(grad).__name__}")
    steps = check_positive_int(steps, "steps")
    theta = np.array(as_float_array(x0, "x0"), dtype=float)  # a copy: x0 stays untouched
    opt = optimizer_factory([theta])
    points, values = [theta.copy()], [] if f is None else [float(f(theta))]
    for t in range(steps):
        if schedule is not None:
            opt.lr = schedule(t)
        with np.errstate(over="ignore", invalid="ignore"):
            opt.step([np.asarray(grad(theta), dtype=float)])  # θ ← θ - Δθ(g_t), in place
            value = None if f is None else float(f(theta))
        points.append(theta.copy())
        if value is not None:
            values.append(value)
        if not np.all(np.isfinite(theta)) or (value is not None and not np.isfinite(value)):
            partial = Trajectory(np.array(points), np.array(values) if f is not None else None)
            raise DivergenceError(
                f"minimize diverged at step {t + 1} (lr={opt.lr}): θ = {theta}; "
                "try a smaller learning rate",
                partial,
            )
    return Trajectory(np.array(points), None if f is None else np.array(values))


def _resolve_loss(loss):
    if isinstance(loss, str):
        if loss not in _LOSSES:
            raise ValueError(f"unknown loss {loss!r}; choose one of {sorted(_LOSSES)} or a pair")
        return (*_LOSSES[loss], loss != "mse")
    if isinstance(loss, tuple) and len(loss) == 2 and all(callable(fn) for fn in loss):
        return loss[0], loss[1], False
    raise TypeError("loss must be 'mse', 'cross_entropy', 'bce' or a pair (loss_fn, grad_fn)")


def _check_data(X, y, name: str = "X") -> tuple[np.ndarray, np.ndarray]:
    X, y = as_float_array(X, name), np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"{name} must be 2-D of shape (N, D), got shape {X.shape}")
    if len(X) != len(y):
        raise ValueError(f"{name} has {len(X)} rows but its targets have {len(y)}")
    return X, y


def _target(y: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Targets of shape (N,) meet one-output models (N, 1) as (N, 1)."""
    return y[:, None] if y.ndim == 1 and out.ndim == 2 and out.shape[1] == 1 else y


def predict(model, X) -> np.ndarray:
    """Model output on X of shape (N, D) in evaluation mode (the previous mode is restored)."""
    modes = [(m, m.training) for m in model.modules()] if hasattr(model, "modules") else []
    if modes:
        model.eval()
    try:
        return model.forward(as_float_array(X, "X"))
    finally:
        for m, mode in modes:
            m.training = mode


def accuracy(model, X, y) -> float:
    """Fraction of correct labels: argmax over C > 1 outputs, else logit > 0 for one output."""
    X, y = _check_data(X, y)
    out = predict(model, X)
    labels = out.argmax(axis=1) if out.ndim == 2 and out.shape[1] > 1 else (out.ravel() > 0)
    return float(np.mean(labels.astype(int) == np.asarray(y).ravel()))


def fit(
    model,
    loss,
    X,
    y,
    optimizer,
    *,
    epochs: int,
    batch_size: int,
    rng: np.random.Generator,
    schedule=None,
    clip_norm: float | None = None,
    X_val=None,
    y_val=None,
) -> History:
    r"""Train ``model`` with mini-batch gradient steps (Chapters 5 and 7).

    Each epoch shuffles the N examples with ``rng`` and visits them in batches of
    ``batch_size`` (the last one may be smaller). Each step: ``opt.lr = schedule(step)``
    (step = 0, 1, ... over the whole run), forward, loss, backward, optional
    ``clip_grad_norm(grads, clip_norm)``, ``optimizer.step(grads)``.

    Parameters
    ----------
    model : gdlib.nn.Module
    loss : {"mse", "cross_entropy", "bce"} or (loss_fn, grad_fn)
        Targets of shape (N,) are reshaped to (N, 1) for a one-output model.
    X : ndarray of shape (N, D), float
    y : ndarray of shape (N,) (or (N, C) for ``"mse"``); int labels for ``"cross_entropy"``
    optimizer : gdlib.optim optimizer built on ``model.parameters()``
    epochs, batch_size : int
    rng : numpy.random.Generator
        Shuffles the examples each epoch.
    schedule : callable, optional
        ``schedule(step) -> lr``.
    clip_norm : float, optional
        Clip the global gradient norm to this value before each step.
    X_val, y_val : optional
        Validation set evaluated (in eval mode) after every epoch.

    Returns
    -------
    History

    Raises
    ------
    DivergenceError
        If the loss or a gradient becomes NaN/inf; ``err.partial`` holds the history so far.
    """
    loss_fn, grad_fn, classify = _resolve_loss(loss)
    X, y = _check_data(X, y)
    epochs = check_positive_int(epochs, "epochs")
    batch_size = check_positive_int(batch_size, "batch_size")
    rng = check_rng(rng)
    if clip_norm is not None:
        clip_norm = check_positive(clip_norm, "clip_norm")
    if (X_val is None) != (y_val is None):
        raise ValueError("pass both X_val and y_val, or neither")
    if X_val is not None:
        X_val, y_val = _check_data(X_val, y_val, "X_val")
    params, grads = model.parameters(), model.gradients()
    opt_params = getattr(optimizer, "params", params)
    same = len(opt_params) == len(params)
    if not (same and all(a is b for a, b in zip(opt_params, params, strict=True))):
        raise ValueError(
            "optimizer does not hold model.parameters(); build it as "
            "SGD(model.parameters(), lr=...) after creating the model"
        )
    rec = {k: [] for k in ("loss", "val_loss", "val_accuracy", "lr", "grad_norms", "step_loss")}
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        order, total, norms = rng.permutation(len(X)), 0.0, []
        for start in range(0, len(X), batch_size):
            idx = order[start : start + batch_size]
            if schedule is not None:
                optimizer.lr = schedule(step)
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                out = model.forward(X[idx])
                target = _target(y[idx], out)
                value = float(loss_fn(out, target))
                if np.isfinite(value):
                    model.backward(grad_fn(out, target))  # fills model.gradients() in place
                norms.append(model.grad_norms())
            if not np.isfinite(value) or not all(np.all(np.isfinite(g)) for g in grads):
                what = (
                    f"loss became {value}"
                    if not np.isfinite(value)
                    else "a gradient became NaN/inf"
                )
                raise DivergenceError(
                    f"training diverged at epoch {epoch}, step {step} ({what}) with "
                    f"lr={optimizer.lr}; try a smaller learning rate or gradient clipping "
                    "(clip_norm=...)",
                    _history(rec),
                )
            if clip_norm is not None:
                clip_grad_norm(grads, clip_norm)  # rescales grads in place
            optimizer.step(grads)  # θ ← θ - Δθ, in place
            rec["lr"].append(optimizer.lr)
            rec["step_loss"].append(value)
            total += value * len(idx)
            step += 1
        rec["loss"].append(total / len(X))
        rec["grad_norms"].append(np.mean(norms, axis=0))
        if X_val is not None:
            out = predict(model, X_val)
            rec["val_loss"].append(float(loss_fn(out, _target(y_val, out))))
            if classify:
                rec["val_accuracy"].append(accuracy(model, X_val, y_val))
    return _history(rec)


def _history(rec: dict[str, list]) -> History:
    n = len(rec["grad_norms"])
    norms = np.array(rec["grad_norms"], dtype=float).reshape(n, -1) if n else np.zeros((0, 0))
    arrays = {k: np.array(v, dtype=float) for k, v in rec.items() if k != "grad_norms"}
    return History(**arrays, grad_norms=norms)
