r"""Numerical gradients by central differences, Chapter 2 (:ref:`gradient-checking`).

The check every analytic gradient in this course must pass: perturb one entry
of θ by ±ε, evaluate the scalar loss J twice, and compare

.. math:: \frac{\partial J}{\partial \theta_i} \approx
          \frac{J(\theta + \varepsilon e_i) - J(\theta - \varepsilon e_i)}{2 \varepsilon}

with the analytic gradient. The truncation error is :math:`O(\varepsilon^2)`;
use float64 arrays, or round-off swamps the difference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._validate import as_float_array, check_positive, check_same_shape

#: Floor on the denominator of :func:`relative_error`, so 0 vs 0 gives 0, not NaN.
TINY = 1e-12


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    r"""Central-difference gradient of a scalar function; see :ref:`numerical-differentiation`.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a scalar J. It is called ``2 * x.size`` times.
    x : ndarray of any shape, float (float64 recommended)
        The point. Each entry is perturbed **in place** while ``f`` is
        evaluated and then restored exactly, even if ``f`` raises; so ``f`` may
        close over ``x`` (e.g. a layer's weight array) instead of taking it.
    eps : float, default 1e-6
        Step ε.

    Returns
    -------
    ndarray of the same shape as ``x``

    Raises
    ------
    TypeError
        If ``x`` is not a floating-point ndarray.
    ValueError
        If ``eps`` is not positive or ``f`` does not return a scalar.

    Examples
    --------
    >>> x = np.array([1.0, -2.0])
    >>> np.round(numerical_gradient(lambda v: float(np.sum(v**2)), x), 6)
    array([ 2., -4.])
    """
    if not isinstance(x, np.ndarray):
        raise TypeError(
            f"x must be a numpy ndarray (it is perturbed in place), got {type(x).__name__}; "
            "pass np.asarray(x, dtype=float)"
        )
    as_float_array(x, "x")
    eps = check_positive(eps, "eps")
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        try:
            x[idx] = old + eps
            f_plus = _scalar(f(x))
            x[idx] = old - eps
            f_minus = _scalar(f(x))
        finally:
            x[idx] = old  # restore bit for bit, whatever happened
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)  # dJ/dθ_i ≈ (J(θ+εe_i) - J(θ-εe_i)) / 2ε
    return grad


def _scalar(value) -> float:
    if np.ndim(value) != 0:
        raise ValueError(
            f"f must return a scalar loss, got an array of shape {np.shape(value)}; "
            "reduce it first, e.g. with np.sum or np.mean"
        )
    return float(value)


def _relative_errors(a, b) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    check_same_shape(a, b, "a", "b")
    return np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), TINY)


def relative_error(a, b) -> float:
    r"""Largest entrywise relative error between two gradients; see :ref:`gradient-checking`.

    .. math:: \max_i \frac{|a_i - b_i|}{\max(|a_i| + |b_i|, 10^{-12})}

    Parameters
    ----------
    a, b : array_like of the same shape

    Returns
    -------
    float
        0 for identical arrays (also for empty ones), at most 1 otherwise.

    Raises
    ------
    ValueError
        If the shapes differ.

    Notes
    -----
    This is the CS231n form with :math:`|a_i| + |b_i|` in the denominator
    (some texts use :math:`\max(|a_i|, |b_i|)`, at most a factor 2 apart).
    In float64 a correct gradient passes the course's check, max error ≤ 1e-6
    (:func:`gradient_check`'s ``rtol``); above 1e-2 means a bug.
    An entry whose true gradient is near zero (below about 1e-4 of the loss)
    can show a large relative error from round-off alone; compare such
    entries with an absolute tolerance instead.

    Examples
    --------
    >>> relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    0.0
    """
    errors = _relative_errors(a, b)
    return float(errors.max()) if errors.size else 0.0


@dataclass
class GradCheckResult:
    """Outcome of :func:`gradient_check` (:ref:`gradient-checking`), reporting the worst entry.

    Attributes
    ----------
    max_relative_error : float
    worst_index : tuple of int
        Index of the entry with the largest relative error.
    analytic, numerical : float
        The two gradients at that entry.
    passed : bool
        ``max_relative_error <= rtol``.
    """

    max_relative_error: float
    worst_index: tuple[int, ...]
    analytic: float
    numerical: float
    passed: bool

    def __str__(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return (
            f"gradient check {verdict}: max relative error {self.max_relative_error:.3e} "
            f"at index {self.worst_index} (analytic {self.analytic:.10g}, "
            f"numerical {self.numerical:.10g})"
        )


def gradient_check(
    f: Callable[[np.ndarray], float],
    x: np.ndarray,
    analytic_grad,
    eps: float = 1e-6,
    rtol: float = 1e-6,
) -> GradCheckResult:
    r"""Compare an analytic gradient with :func:`numerical_gradient`; see :ref:`gradient-checking`.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns the scalar loss J.
    x : ndarray of any shape, float64
        The point (perturbed and restored, see :func:`numerical_gradient`).
    analytic_grad : array_like of the same shape as ``x``
        The gradient to test, dJ/dx at ``x``.
    eps : float, default 1e-6
        Central-difference step ε.
    rtol : float, default 1e-6
        The check passes when the max relative error is at most ``rtol``.

    Returns
    -------
    GradCheckResult
        ``str(result)`` is a one-line report naming the worst entry.

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not a float ndarray, the shapes differ, or ``eps``/``rtol``
        is not positive.

    Notes
    -----
    One array at a time: to check several parameters, call it once per array
    (with ``f`` closing over the others).

    Examples
    --------
    >>> x = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> gradient_check(lambda v: float(np.sum(v**3)), x, 3 * x**2).passed
    True
    """
    rtol = check_positive(rtol, "rtol")
    if not isinstance(x, np.ndarray):
        raise TypeError(f"x must be a numpy ndarray, got {type(x).__name__}")
    check_same_shape(analytic_grad, x, "analytic_grad", "x")
    analytic = np.asarray(analytic_grad, dtype=np.float64)
    numerical = numerical_gradient(f, x, eps)
    errors = _relative_errors(analytic, numerical)
    if errors.size == 0:
        return GradCheckResult(0.0, (), 0.0, 0.0, True)
    worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(errors)), errors.shape))
    max_err = float(errors[worst])
    return GradCheckResult(
        max_relative_error=max_err,
        worst_index=worst,
        analytic=float(analytic[worst]),
        numerical=float(numerical[worst]),
        passed=bool(max_err <= rtol),
    )
