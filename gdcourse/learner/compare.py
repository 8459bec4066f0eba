"""Comparing a learner's result with the expected one, and saying how it differs.

:func:`expect_array` and :func:`expect_number` name a mistake only on evidence: a result equal
to a known mistake's (the ``mistakes`` a test passes), a flipped sign, a factor of N (sum
instead of mean), a transposed array. Otherwise the message says what was observed (which
entry, its value, the expected value) and guesses no cause. A NaN or infinity is reported as
such, with the test's own explanation when the test knows where it comes from (``nonfinite``).
A value that converts losslessly to what the task asks (a size-1 array or a numpy scalar for a
number, float32 for float64) is accepted, with a note on what the task asks.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Mapping

import numpy as np

from . import guard
from .failures import fail


def note(message: str) -> None:
    """Print advice about an accepted answer (it costs nothing; the learner sees it)."""
    guard.check()
    print(f"\u2139 {message}")


def _where(arr: np.ndarray, bad: np.ndarray) -> str:
    """' at index (i, j)' of the first True entry of ``bad`` (nothing for a scalar)."""
    if arr.ndim == 0:
        return ""
    i = np.unravel_index(int(np.argmax(bad)), bad.shape)
    return f" at index {tuple(int(k) for k in i)}"


def expect_finite(actual, *, name: str, what: str | None = None,
                  hint: str | None = None) -> None:
    """Fail if ``actual`` holds NaN or infinity, saying where.

    ``hint`` explains where the NaN comes from in the situation the test set up (e.g. logits of
    ±1000, for which np.exp overflows); without it the message lists only what was observed,
    because a NaN has many possible causes.
    """
    __tracebackhide__ = True
    arr = np.asarray(actual, dtype=float)
    finite = np.isfinite(arr)
    if np.all(finite):
        return
    what = what or f"the result of {name}"
    nan = np.isnan(arr)
    kind = "NaN" if np.any(nan) else "infinity"
    where = _where(arr, nan if np.any(nan) else ~finite)
    text = f"{name}: {what} is {kind}{where} for these inputs."
    if hint:
        fail(f"{text} {hint}")
    fail(f"{text} Find the first step of your computation that is not finite (print the "
         "intermediate arrays for these inputs): NaN comes from 0/0, inf - inf, inf/inf or "
         "the log or square root of a negative number; infinity from dividing by zero, log(0) "
         "or a result too large for a float (np.exp(710) is already inf).")


def _ratio(actual: np.ndarray, expected: np.ndarray, rtol: float = 1e-6,
           atol: float = 1e-12) -> float | None:
    """The constant c with actual ≈ c·expected at every entry, if one exists and is shown
    by at least two nonzero entries (one number always has a ratio to another)."""
    mask = np.abs(expected) > 1e-12 * max(1.0, float(np.max(np.abs(expected))))
    if np.count_nonzero(mask) < 2:
        return None
    r = actual[mask] / expected[mask]
    c = float(np.median(r))
    if np.allclose(actual, c * expected, rtol=max(rtol, 1e-6), atol=abs(c) * atol):
        return float(np.round(c, 6))
    return None


def _scalar_ratio(actual: float, expected: float) -> float | None:
    if expected == 0 or not np.isfinite(actual):
        return None
    return actual / expected


def _factor_hint(c: float, what: str, batch: int | None) -> str | None:
    """The mistake a constant factor c names, when it names one."""
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
                "Did you sum over the batch instead of averaging (dividing by N)?")
    if batch and batch > 1 and close(1.0 / batch):
        return (f"{what} is {batch} times too small: off by a factor of 1/N = 1/{batch}. "
                "Did you divide by N twice?")
    if batch and batch > 1 and close(-batch):
        return (f"{what} points the wrong way and is {batch} times too large: check its sign "
                "and divide by the batch size N.")
    return None


def _mistake_match(actual, mistakes: Mapping | None, rtol: float, atol: float) -> str | None:
    for message, wrong in (mistakes or {}).items():
        try:
            wrong = wrong() if callable(wrong) else wrong
            w = np.asarray(wrong, dtype=float)
            a = np.asarray(actual, dtype=float)
        except Exception:  # noqa: BLE001 (a model that cannot run does not name anything)
            continue
        if w.shape != a.shape and w.size == a.size == 1:
            w = w.reshape(a.shape)
        if w.shape == a.shape and np.allclose(a, w, rtol=rtol, atol=atol, equal_nan=True):
            return message
    return None


def _precision(arr, rtol: float, atol: float, expected: np.ndarray):
    """Tolerances for a result in a lower precision than float64 (float32: about 1e-7)."""
    dtype = getattr(arr, "dtype", None)
    if dtype is None or not np.issubdtype(dtype, np.floating) or np.finfo(dtype).bits >= 64:
        return rtol, atol, None
    eps = float(np.finfo(dtype).eps)
    scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    return (max(rtol, 64 * eps), max(atol, 64 * eps * scale),
            f"your result is {dtype}; it is accepted to {dtype}'s precision, but float64 "
            "(numpy's default) is what the tests compute in.")


def expect_array(actual, expected, *, name: str, what: str | None = None,
                 batch: int | None = None, mistakes: Mapping | None = None,
                 rtol: float = 1e-6, atol: float = 1e-9, nonfinite: str | None = None) -> None:
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
        Results of known mistakes: if ``actual`` matches one (NaN matching NaN), its message
        is the hint.
    rtol, atol : float
        Tolerances of the comparison (``np.allclose``); widened for a float32 result.
    nonfinite : str, optional
        What a NaN or infinity means for the inputs of this test (see :func:`expect_finite`).
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
    rtol, atol, advice = _precision(actual, rtol, atol, expected)
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
            fail(f"{name}: {what} has shape {arr.shape} but should have shape "
                 f"{expected.shape}. Check the axis of every sum or mean (keepdims=True "
                 "keeps a row or column) and the shape of the arrays you start from.")
    expect_finite(arr, name=name, what=what, hint=nonfinite)
    if np.allclose(arr, expected, rtol=rtol, atol=atol):
        if advice:
            note(f"{name}: {advice}")
        return
    c = _ratio(arr, expected, rtol, atol)
    if c is None and arr.size == 1:
        c = _scalar_ratio(float(arr.ravel()[0]), float(expected.ravel()[0]))
    hint = _factor_hint(c, what, batch) if c is not None else None
    if hint:
        fail(f"{name}: {hint}")
    if arr.size == 1:
        fail(f"{name}: {what} is {float(arr.ravel()[0]):.8g}, expected "
             f"{float(expected.ravel()[0]):.8g}.")
    err = np.abs(arr - expected) - atol - rtol * np.abs(expected)
    i = tuple(int(k) for k in np.unravel_index(int(np.argmax(err)), err.shape))
    wrong = int(np.count_nonzero(err > 0))
    every = (f"every entry is {c:.6g} times the expected one"
             if _ratio(arr, expected, rtol, atol) is not None else
             f"{wrong} of its {arr.size} entries differ from the expected ones")
    fail(f"{name}: {what} is wrong: {every}. The largest difference is at index {i}: "
         f"{float(arr[i]):.8g}, expected {float(expected[i]):.8g}.")


def as_number(actual, *, name: str, what: str | None = None) -> float:
    """``actual`` as a Python float, accepting what converts losslessly to one.

    A numpy scalar, a Python int or a size-1 array is accepted (a size-1 array with a note on
    what the task asks); ``None``, a bool, a string or a larger array fails with a message.
    """
    __tracebackhide__ = True
    guard.check()
    what = what or f"the value returned by {name}"
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    if isinstance(actual, (bool, np.bool_)):
        fail(f"{name}: {what} is a bool ({actual}); it should be a number.")
    if isinstance(actual, np.ndarray) and actual.size == 1 and actual.ndim > 0:
        note(f"{name}: {what} is an array of shape {actual.shape}; it is accepted as the "
             f"number it holds, but the task asks for a float: return float(x) or x.item().")
        actual = actual.reshape(())
    if isinstance(actual, np.ndarray) and actual.ndim > 0:
        fail(f"{name}: {what} is an array of shape {actual.shape}; it should be one number. "
             "Reduce it with np.mean (or np.sum), over every axis.")
    if not isinstance(actual, (numbers.Real, np.floating, np.integer, np.ndarray)):
        fail(f"{name}: {what} is a {type(actual).__name__}, expected a number.")
    return float(actual)


def expect_number(actual, expected: float, *, name: str, what: str | None = None,
                  batch: int | None = None, mistakes: Mapping | None = None,
                  rtol: float = 1e-6, atol: float = 1e-9, nonfinite: str | None = None) -> None:
    """Like :func:`expect_array` for one number (see :func:`as_number` for what is accepted)."""
    __tracebackhide__ = True
    what = what or f"the value returned by {name}"
    value = as_number(actual, name=name, what=what)
    expect_array(value, expected, name=name, what=what, batch=batch, mistakes=mistakes,
                 rtol=rtol, atol=atol, nonfinite=nonfinite)


def expect_index(actual, expected, *, name: str, what: str = "the index",
                 shape: tuple[int, ...] | None = None, among=None) -> tuple[int, ...]:
    """Fail unless ``actual`` is the index tuple ``expected`` (of an array of ``shape``).

    A tuple or list of ints (numpy ints too) or a 1-D integer array is accepted; a flat
    index (one int where the array has several dimensions) is named as such. ``among``, an
    iterable of index tuples, accepts any of them (entries that tie for the largest error,
    which valid solutions may break differently). Returns the index as a tuple of ints.
    """
    __tracebackhide__ = True
    guard.check()
    expected = tuple(int(k) for k in expected)
    if actual is None:
        fail(f"{name}: {what} is None; it should be a tuple of ints such as {expected}.")
    if isinstance(actual, (numbers.Integral, np.integer)) and not isinstance(actual, bool):
        if len(expected) == 1:
            actual = (actual,)
        else:
            flat = (f" (np.ravel_multi_index({expected}, {tuple(shape)}) is "
                    f"{int(np.ravel_multi_index(expected, shape))})" if shape else "")
            fail(f"{name}: {what} is the single number {int(actual)}, a flat index into the "
                 f"array ravelled to 1-D{flat}. Return one index per dimension: "
                 "tuple(int(k) for k in np.unravel_index(i, shape)).")
    try:
        got = tuple(actual)
        if not all(isinstance(k, (numbers.Integral, np.integer)) and not isinstance(k, bool)
                   or (isinstance(k, np.ndarray) and k.size == 1
                       and np.issubdtype(k.dtype, np.integer)) for k in got):
            raise TypeError
        got = tuple(int(k) for k in got)
    except TypeError:
        fail(f"{name}: {what} is {actual!r} (a {type(actual).__name__}); it should be a tuple "
             f"of ints, one per dimension, such as {expected}.")
    if len(got) != len(expected):
        fail(f"{name}: {what} is {got}, with {len(got)} numbers; the array has "
             f"{len(expected)} dimensions, so it needs {len(expected)} (expected {expected}).")
    if shape is not None and not all(0 <= k < n for k, n in zip(got, shape, strict=True)):
        fail(f"{name}: {what} is {got}, outside an array of shape {tuple(shape)}.")
    allowed = {tuple(int(k) for k in i) for i in among} if among is not None else {expected}
    if got not in allowed:
        fail(f"{name}: {what} is {got}, expected {expected}"
             + (f" (or another of {sorted(allowed)}, which tie)." if len(allowed) > 1 else "."))
    return got
