"""Comparing a learner's result with the expected one, and diagnosing how it differs.

:func:`expect_array` and :func:`expect_number` recognise the usual mistakes when the values
differ: flipped sign, a factor of N (mean vs sum), a factor of 2, wrong shape or axis, NaN or
overflow, or any named ``mistakes`` the test knows.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Mapping

import numpy as np

from . import guard
from .failures import fail


def expect_finite(actual, *, name: str) -> None:
    """Fail with an overflow hint if ``actual`` holds NaN or infinity."""
    __tracebackhide__ = True
    arr = np.asarray(actual, dtype=float)
    if not np.all(np.isfinite(arr)):
        kind = "NaN" if np.any(np.isnan(arr)) else "infinity"
        fail(f"{name} returned {kind} for these inputs. With large values np.exp overflows "
             "(np.exp(1000) is inf, and inf/inf is NaN): subtract the largest logit of each "
             "row before exponentiating (the log-sum-exp trick).")


def _ratio(actual: np.ndarray, expected: np.ndarray, rtol: float = 1e-6,
           atol: float = 1e-12) -> float | None:
    """The constant c with actual ≈ c·expected (to the comparison's tolerance), if any."""
    mask = np.abs(expected) > 1e-12 * max(1.0, float(np.max(np.abs(expected))))
    if not np.any(mask):
        return None
    r = actual[mask] / expected[mask]
    c = float(np.median(r))
    if np.allclose(actual, c * expected, rtol=max(rtol, 1e-6), atol=abs(c) * atol):
        return float(np.round(c, 6))
    return None


def _factor_hint(c: float, what: str, batch: int | None) -> str | None:
    close = functools.partial(np.isclose, c, rtol=1e-6)
    if close(-1.0) and "parameters" in what:
        return (f"{what} has the right size but the opposite sign: your parameters move "
                "uphill. The step subtracts: θ ← θ - η·(direction).")
    if close(-1.0) and "gradient" in what:
        return (f"{what} has the right size but the opposite sign: it points uphill. "
                "Check its sign (prediction minus target, not target minus prediction).")
    if close(-1.0):
        return (f"{what} has the right size but the opposite sign. Check the sign of "
                "each term (a loss such as -log p is never negative).")
    if batch and batch > 1 and close(batch):
        return (f"{what} is {batch} times too large: off by a factor of N = {batch}. "
                "Did you average over the batch (divide by N) instead of summing?")
    if batch and batch > 1 and close(1.0 / batch):
        return (f"{what} is {batch} times too small: off by a factor of 1/N = 1/{batch}. "
                "Did you divide by N twice?")
    if batch and batch > 1 and close(-batch):
        return (f"{what} points uphill and is {batch} times too large: check its sign and "
                "divide by the batch size N.")
    if close(2.0) or close(0.5):
        return (f"{what} is off by a factor of {c:g}. Check the constant: "
                "d/dx x² = 2x, and a central difference divides by 2·eps.")
    return None


def _mistake_match(actual, mistakes: Mapping | None, rtol: float, atol: float) -> str | None:
    for message, wrong in (mistakes or {}).items():
        try:
            wrong = wrong() if callable(wrong) else wrong
            w = np.asarray(wrong, dtype=float)
            a = np.asarray(actual, dtype=float)
        except Exception:
            continue
        if w.shape == a.shape and np.allclose(a, w, rtol=rtol, atol=atol, equal_nan=True):
            return message
    return None


def expect_array(actual, expected, *, name: str, what: str | None = None,
                 batch: int | None = None, mistakes: Mapping | None = None,
                 rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Fail with a diagnosis unless ``actual`` matches ``expected`` (shape and values).

    Parameters
    ----------
    actual, expected : array_like
    name : str
        The learner's function, for the messages.
    what : str, optional
        What the value is ("the gradient"); default ``"the result of <name>"``.
    batch : int, optional
        The N that a mean divides by, to recognise a missing (or doubled) 1/N.
    mistakes : mapping of message -> value (or zero-argument callable returning it)
        Results of known mistakes: if ``actual`` matches one, its message is the hint.
    rtol, atol : float
        Tolerances of the comparison (``np.allclose``).
    """
    __tracebackhide__ = True
    guard.check()
    what = what or f"the result of {name}"
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    expected = np.asarray(expected, dtype=float)
    try:
        arr = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        fail(f"{name} returned a {type(actual).__name__}, expected an array of shape "
             f"{expected.shape}.")
    hint = _mistake_match(arr, mistakes, rtol, atol)
    if hint and not (arr.shape == expected.shape
                     and np.allclose(arr, expected, rtol=rtol, atol=atol)):
        fail(f"{name}: {hint}")
    if arr.shape != expected.shape:
        if arr.shape == expected.T.shape and arr.ndim == 2:
            fail(f"{what} has shape {arr.shape} but should have shape {expected.shape}: it is "
                 "transposed. Check which axis is the batch (rows) and which the classes.")
        if arr.size == 1 and expected.size == 1:
            arr = arr.reshape(expected.shape)
        else:
            fail(f"{what} has shape {arr.shape} but should have shape {expected.shape}. "
                 "A gradient has the shape of the array it differentiates with respect to; "
                 "check the axis of every sum or mean (keepdims=True keeps a row or column).")
    expect_finite(arr, name=name)
    if np.allclose(arr, expected, rtol=rtol, atol=atol):
        return
    c = _ratio(arr, expected, rtol, atol)
    if c is not None:
        hint = _factor_hint(c, what, batch)
        if hint:
            fail(f"{name}: {hint}")
        fail(f"{name}: {what} is off by a constant factor {c:.4g}; check the constants of "
             "your formula.")
    err = np.abs(arr - expected)
    i = np.unravel_index(int(np.argmax(err)), err.shape) if err.ndim else ()
    fail(f"{name}: {what} is wrong. At index {tuple(int(k) for k in i)} it is "
         f"{float(arr[i]):.6g}, expected {float(expected[i]):.6g}. Compare your formula with "
         "the one in the text, term by term, on a tiny example you can do by hand.")


def expect_number(actual, expected: float, *, name: str, what: str | None = None,
                  batch: int | None = None, mistakes: Mapping | None = None,
                  rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Like :func:`expect_array` for a scalar, which must be a plain number (not an array)."""
    __tracebackhide__ = True
    guard.check()
    what = what or f"the value returned by {name}"
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    if isinstance(actual, np.ndarray) and actual.ndim > 0:
        fail(f"{name} returned an array of shape {actual.shape}; it should return one number. "
             "Reduce it with np.mean (or np.sum), over every axis.")
    if not isinstance(actual, (numbers.Real, np.floating, np.integer, np.ndarray)):
        fail(f"{name} returned a {type(actual).__name__}, expected a number.")
    expect_array(float(actual), expected, name=name, what=what, batch=batch,
                 mistakes=mistakes, rtol=rtol, atol=atol)


