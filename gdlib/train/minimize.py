r"""``minimize``: an optimizer run on a function of θ, recording the path (Chapter 3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .._validate import as_float_array, check_positive_int


class DivergenceError(FloatingPointError):
    """The loss or the parameters became NaN or infinite (usually: learning rate too large).

    Raised by :func:`minimize` and ``fit``, naming the step and the learning rate; the bound
    that was crossed is derived in :ref:`the-stability-boundary-eta-2-l`. ``partial`` holds
    what was recorded before the failure (a :class:`Trajectory` from ``minimize``, a
    ``History`` from ``fit``).
    """

    def __init__(self, message: str, partial=None) -> None:
        super().__init__(message)
        self.partial = partial


@dataclass
class Trajectory:
    """The path of :func:`minimize` (:ref:`the-race`).

    Attributes
    ----------
    points : ndarray of shape (steps + 1, D)
        θ_0 (the start), θ_1, ...
    values : ndarray of shape (steps + 1,), or None
        J at each point; None when no ``f`` was given.
    """

    points: np.ndarray
    values: np.ndarray | None = None


def minimize(grad, x0, optimizer_factory: Callable, steps: int, *, schedule=None, f=None):
    r"""Run an optimizer on a function of θ and return the path, as in :ref:`the-race`.

    Parameters
    ----------
    grad : callable or surface
        ``grad(theta)`` returns :math:`\nabla J(\theta)` with the shape of θ; or an object
        with ``.grad`` and ``.value`` methods (a ``gdlib.functions`` surface), in which case
        ``f`` defaults to its ``value``.
    x0 : array_like of shape (D,), float
        Starting point θ_0; not modified (the optimizer works on a copy).
    optimizer_factory : callable
        ``optimizer_factory([theta])`` returns an optimizer, e.g.
        ``lambda params: SGD(params, lr=0.1, momentum=0.9)``.
    steps : int
        Number of updates.
    schedule : callable, optional
        ``schedule(k)`` for k = 0, 1, ..., steps - 1 sets ``opt.lr`` before update k.
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
    for k in range(steps):
        if schedule is not None:
            opt.lr = schedule(k)
        with np.errstate(over="ignore", invalid="ignore"):
            opt.step([np.asarray(grad(theta), dtype=float)])  # θ ← θ - Δθ(g_k), in place
            value = None if f is None else float(f(theta))
        points.append(theta.copy())
        if value is not None:
            values.append(value)
        if not np.all(np.isfinite(theta)) or (value is not None and not np.isfinite(value)):
            partial = Trajectory(np.array(points), np.array(values) if f is not None else None)
            raise DivergenceError(
                f"minimize diverged at step {k + 1} (lr={opt.lr}): θ = {theta}; "
                "try a smaller learning rate",
                partial,
            )
    return Trajectory(np.array(points), None if f is None else np.array(values))
