"""Random initial weights, checked by their statistics (spread, bound, family).

:func:`expect_spread` names the textbook mistakes: Xavier with fan_in only, He without its 2,
a normal draw where the scheme is uniform, ...
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .failures import fail


def _kurtosis(x: np.ndarray) -> float:
    d = x - x.mean()
    return float(np.mean(d**4) / np.mean(d**2) ** 2)


def expect_spread(W, *, name: str, shape: tuple[int, ...], std: float, kind: str,
                  mistakes: Mapping[str, float] | None = None, rtol: float = 0.03) -> None:
    """Check random weights ``W`` by their statistics.

    Parameters
    ----------
    W : array_like
        The learner's weights, a large enough sample (thousands of entries) for the
        standard deviation to be estimated within ``rtol``.
    shape : tuple of int
        The shape ``W`` must have.
    std : float
        The standard deviation the scheme prescribes.
    kind : {"uniform", "normal"}
        The family: a uniform ``U(-a, a)`` has ``a = √3·std`` and no entry beyond it.
    mistakes : mapping of message -> std, optional
        Standard deviations that known mistakes produce; the nearest one within ``rtol`` names
        the mistake (a test should not list two mistakes whose spreads lie within ``rtol``
        of each other, or of ``std``, for its fans).
    """
    __tracebackhide__ = True
    if W is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    try:
        w = np.asarray(W, dtype=float)
    except (TypeError, ValueError):
        fail(f"{name} returned a {type(W).__name__}, expected an array of shape {shape}.")
    if w.shape != tuple(shape):
        hint = " (fan_in rows, fan_out columns)" if len(shape) == 2 else ""
        fail(f"{name} returned shape {w.shape}, expected {tuple(shape)}{hint}: the weights of "
             "a layer y = x @ W + b have shape (fan_in, fan_out).")
    if not np.all(np.isfinite(w)):
        fail(f"{name} returned NaN or infinity; check the formula of the spread.")
    if np.all(w == w.flat[0]):
        fail(f"{name} returned {w.size} equal values: the weights must be random (draw them "
             "with the `rng` you are given), or every hidden unit stays identical.")
    measured = float(w.std())
    if abs(float(w.mean())) > 6 * std / np.sqrt(w.size) + 1e-12:
        fail(f"{name}: the weights have mean {float(w.mean()):.3g}; they should be centred "
             "on 0 (U(-a, a) or N(0, σ²)).")
    if not np.isclose(measured, std, rtol=rtol):
        near = [(abs(measured / wrong - 1.0), message) for message, wrong in
                (mistakes or {}).items() if np.isclose(measured, wrong, rtol=rtol)]
        if near:  # the mistake whose spread is nearest to the one measured
            fail(f"{name}: {min(near)[1]}")
        fail(f"{name}: the weights have standard deviation {measured:.4g}, but this scheme "
             f"prescribes {std:.4g} for these fans. Check the formula of the spread: which "
             "fans it uses, the constant in the numerator, and the square root.")
    k = _kurtosis(w.ravel())
    if kind == "uniform":
        a = np.sqrt(3.0) * std
        if np.max(np.abs(w)) > a * (1 + 1e-9) or k > 2.4:
            fail(f"{name}: the weights look normally distributed (some lie beyond ±{a:.4g}); "
                 "this scheme draws them uniformly from U(-a, a): use rng.uniform(-a, a, size).")
    elif kind == "normal":
        if k < 2.4:
            fail(f"{name}: the weights look uniformly distributed; this scheme draws them from "
                 "a normal distribution N(0, σ²): use rng.normal(0.0, σ, size).")
    else:  # pragma: no cover - a test's mistake
        raise ValueError(f"kind must be 'uniform' or 'normal', got {kind!r}")
