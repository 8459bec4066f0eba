"""Argument checks shared by every gdlib module.

Each helper raises a ``TypeError`` or ``ValueError`` whose message says what is
wrong and what to do about it, so a learner never meets a bare ``assert``.
"""

from __future__ import annotations

import numbers

import numpy as np


def as_float_array(x, name: str) -> np.ndarray:
    """Return ``x`` as a floating-point ndarray (no copy when already one).

    Raises ``TypeError`` for integer, boolean, complex or object input, because
    gradients of those are meaningless or silently truncated.
    """
    arr = np.asarray(x)
    if arr.dtype.kind != "f":  # float16/32/64/longdouble; not int, bool, complex, object
        raise TypeError(
            f"{name} must be a floating-point array, got dtype {arr.dtype}; "
            f"convert it first, e.g. np.asarray({name}, dtype=float)"
        )
    return arr


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise ``ValueError`` when two arrays do not have the same shape."""
    if np.shape(a) != np.shape(b):
        raise ValueError(
            f"{name_a} shape {np.shape(a)} does not match {name_b} shape {np.shape(b)}"
        )


def check_positive(value, name: str, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float after checking it is a finite positive number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    ok = value >= 0.0 if allow_zero else value > 0.0
    if not np.isfinite(value) or not ok:
        bound = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{name} must be {bound} and finite, got {value}")
    return value


def check_in_range(value, name: str, low: float, high: float) -> float:
    """Return ``value`` as a float after checking ``low <= value < high``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not (low <= value < high):
        raise ValueError(f"{name} must be in [{low}, {high}), got {value}")
    return value


def check_positive_int(value, name: str) -> int:
    """Return ``value`` as an int after checking it is a positive integer (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return int(value)


def check_rng(rng, name: str = "rng") -> np.random.Generator:
    """Return ``rng`` after checking it is a ``numpy.random.Generator``."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator, got {type(rng).__name__}; "
            f"pass {name}=np.random.default_rng(seed) so results are reproducible"
        )
    return rng


def check_float_dtype(dtype) -> np.dtype:
    """Return ``np.dtype(dtype)`` after checking it is a floating-point type."""
    try:
        dt = np.dtype(dtype)
    except TypeError:
        dt = None
    if dt is None or not np.issubdtype(dt, np.floating):
        raise TypeError(
            f"dtype must be a floating-point type such as np.float32 or np.float64, got {dtype!r}"
        )
    return dt


def check_pred_target(pred, target, pred_name: str = "pred", target_name: str = "target"):
    """Validate a (prediction, target) pair; return both as float arrays of pred's dtype."""
    pred = as_float_array(pred, pred_name)
    target = np.asarray(target)
    if target.dtype == bool or np.issubdtype(target.dtype, np.integer):
        target = target.astype(pred.dtype)
    target = as_float_array(target, target_name).astype(pred.dtype, copy=False)
    check_same_shape(pred, target, pred_name, target_name)
    if pred.size == 0:
        raise ValueError(f"{pred_name} is empty; a mean loss needs at least one element")
    return pred, target
