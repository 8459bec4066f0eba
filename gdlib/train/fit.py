r"""``fit``: mini-batch training of a ``gdlib.nn`` model, and :class:`History`, its record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .. import losses
from .._validate import as_float_array, check_positive, check_positive_int, check_rng
from ..clip import clip_grad_norm
from .minimize import DivergenceError

_LOSSES = {
    "mse": (losses.mse, losses.mse_grad),
    "cross_entropy": (losses.cross_entropy, losses.cross_entropy_grad),
    "bce": (losses.binary_cross_entropy, losses.binary_cross_entropy_grad),
}


@dataclass
class History:
    """Record of :func:`fit` (E epochs, S steps in total, M ``Linear`` layers).

    See :ref:`comparing-optimizers-on-the-same-budget`. Every array has the model's dtype.

    Attributes
    ----------
    loss : ndarray of shape (E,)
        Mean training loss of each epoch (average over its examples).
    val_loss, val_accuracy : ndarray of shape (E,)
        On the validation set after each epoch (empty without one; accuracy only for
        ``"cross_entropy"`` and ``"bce"``).
    lr : ndarray of shape (S,)
        Learning rate η used at each step.
    grad_norms : ndarray of shape (E, M)
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
    """Model output on X in evaluation mode (the previous mode is restored).

    See :ref:`evaluating-the-chosen-network-on-the-test-set`.

    Parameters
    ----------
    model : gdlib.nn.Module
    X : ndarray of shape (N, D), float

    Returns
    -------
    ndarray of shape (N, C)
        The model's output, e.g. logits Z.
    """
    modes = [(m, m.training) for m in model.modules()] if hasattr(model, "modules") else []
    if modes:
        model.eval()
    try:
        return model.forward(as_float_array(X, "X"))
    finally:
        for m, mode in modes:
            m.training = mode


def accuracy(model, X, y) -> float:
    """Fraction of correct labels; see :ref:`evaluating-the-chosen-network-on-the-test-set`.

    The predicted label is the argmax over C > 1 outputs, or ``logit > 0`` for one output.

    Parameters
    ----------
    model : gdlib.nn.Module
    X : ndarray of shape (N, D), float
    y : ndarray of shape (N,), int labels

    Returns
    -------
    float
    """
    X, y = _check_data(X, y)
    out = predict(model, X)
    labels = out.argmax(axis=1) if out.ndim == 2 and out.shape[1] > 1 else (out.ravel() > 0)
    return float(np.mean(labels.astype(int) == np.asarray(y).ravel()))


def _progress_bar(total: int):
    from tqdm.auto import tqdm  # a widget in a notebook, a text bar in a terminal

    return tqdm(total=total, unit="step", desc="fit")


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
    schedule: Callable[[int], float] | None = None,
    clip_norm: float | None = None,
    X_val=None,
    y_val=None,
    progress: bool = False,
    callback: Callable[[int, History], object] | None = None,
) -> History:
    r"""Train ``model`` with mini-batch steps; see :ref:`comparing-optimizers-on-the-same-budget`.

    Each epoch shuffles the N examples with ``rng`` and visits them in batches of
    ``batch_size`` (the last one may be smaller). Each step k = 0, 1, ... (counted over the
    whole run): ``opt.lr = schedule(k)``, forward, loss, backward, optional
    ``clip_grad_norm(grads, clip_norm)``, ``optimizer.step(grads)``. The model trains in its
    own dtype: ``X`` and ``X_val`` are converted to the dtype of its parameters once.

    Parameters
    ----------
    model : gdlib.nn.Module
        Trained in place; left in training mode. Its ``needs_input_grad`` is off while it
        trains (dJ/dX is never used) and restored afterwards.
    loss : {"mse", "cross_entropy", "bce"} or (loss_fn, grad_fn)
        Targets of shape (N,) are reshaped to (N, 1) for a one-output model.
    X : ndarray of shape (N, D), float
    y : ndarray of shape (N,) (or (N, C) for ``"mse"``); int labels for ``"cross_entropy"``
    optimizer : gdlib.optim.Optimizer
        Built on ``model.parameters()``.
    epochs, batch_size : int
    rng : numpy.random.Generator
        Shuffles the examples each epoch.
    schedule : callable, optional
        ``schedule(k) -> lr``.
    clip_norm : float, optional
        Clip the global gradient norm to this value before each step.
    X_val, y_val : optional
        Validation set evaluated (in eval mode) after every epoch.
    progress : bool, default False
        Show a progress bar over the steps with the epoch and its mean loss so far (tqdm's
        ``auto`` bar: a widget in a notebook, text in a terminal).
    callback : callable, optional
        ``callback(epoch, history)`` after every epoch: ``epoch`` counts from 1 and
        ``history`` is a :class:`History` of the epochs so far (its last entries belong to
        this epoch; the model holds this epoch's parameters). If it returns a true value,
        training stops there and ``fit`` returns that history.

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
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable as callback(epoch, history), got {callback!r}")
    params, grads = model.parameters(), model.gradients()
    opt_params = getattr(optimizer, "params", params)
    same = len(opt_params) == len(params)
    if not (same and all(a is b for a, b in zip(opt_params, params, strict=True))):
        raise ValueError(
            "optimizer does not hold model.parameters(); build it as "
            "SGD(model.parameters(), lr=...) after creating the model"
        )
    dtype = params[0].dtype
    X = X.astype(dtype, copy=False)  # once, not at every forward
    if X_val is not None:
        X_val, y_val = _check_data(X_val, y_val, "X_val")
        X_val = X_val.astype(dtype, copy=False)
    rec = {k: [] for k in ("loss", "val_loss", "val_accuracy", "lr", "grad_norms", "step_loss")}
    bar = _progress_bar(epochs * -(-len(X) // batch_size)) if progress else None
    needs_input_grad, model.needs_input_grad = model.needs_input_grad, False
    try:
        for epoch in range(1, epochs + 1):
            model.train()
            order, total, norms = rng.permutation(len(X)), 0.0, []
            for start in range(0, len(X), batch_size):
                idx = order[start : start + batch_size]
                step = len(rec["lr"])
                if schedule is not None:
                    optimizer.lr = schedule(step)
                with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                    out = model.forward(X[idx])
                    target = _target(y[idx], out)
                    value = float(loss_fn(out, target))
                    if np.isfinite(value):
                        model.backward(grad_fn(out, target))  # fills model.gradients() in place
                    norms.append(model.grad_norms())
                if not np.isfinite(value) or not all(np.isfinite(g).all() for g in grads):
                    what = "a gradient became NaN/inf" if np.isfinite(value) else f"loss {value}"
                    raise DivergenceError(
                        f"training diverged at epoch {epoch}, step {step} ({what}) with "
                        f"lr={optimizer.lr}; try a smaller learning rate or gradient clipping "
                        "(clip_norm=...)",
                        _history(rec, dtype),
                    )
                if clip_norm is not None:
                    clip_grad_norm(grads, clip_norm)  # rescales grads in place
                optimizer.step(grads)  # θ ← θ - Δθ, in place
                rec["lr"].append(optimizer.lr)
                rec["step_loss"].append(value)
                total += value * len(idx)
                if bar is not None:
                    seen = start + len(idx)
                    bar.set_postfix(epoch=epoch, loss=f"{total / seen:.4g}", refresh=False)
                    bar.update()
            rec["loss"].append(total / len(X))
            rec["grad_norms"].append(np.mean(norms, axis=0))
            if X_val is not None:
                out = predict(model, X_val)
                rec["val_loss"].append(float(loss_fn(out, _target(y_val, out))))
                if classify:
                    rec["val_accuracy"].append(accuracy(model, X_val, y_val))
            if callback is not None and callback(epoch, _history(rec, dtype)):
                break
    finally:
        model.needs_input_grad = needs_input_grad
        if bar is not None:
            bar.close()
    return _history(rec, dtype)


def _history(rec: dict[str, list], dtype) -> History:
    n = len(rec["grad_norms"])
    norms = np.array(rec["grad_norms"], dtype=dtype).reshape(n, -1) if n else np.zeros((0, 0))
    arrays = {k: np.array(v, dtype=dtype) for k, v in rec.items() if k != "grad_norms"}
    return History(**arrays, grad_norms=norms)
