"""Seeded synthetic data sets and small data helpers used throughout the book.

Every generator takes an explicit ``rng: np.random.Generator``, so the same seed always
gives the same data. Data come as float64 ``X`` of shape (N, D); classification labels
``y`` of shape (N,) are integers in 0..C-1, shuffled. Convert ``X`` with ``X.astype(np.float32)``
for a float32 model (``train.fit`` does it for you).

Examples
--------
>>> X, y = spirals(300, np.random.default_rng(0), classes=3)
>>> X.shape, y.shape, np.bincount(y).tolist()
((300, 2), (300,), [100, 100, 100])
"""

from __future__ import annotations

import numpy as np

from ._validate import (
    as_float_array,
    check_in_range,
    check_positive,
    check_positive_int,
    check_rng,
)

__all__ = [
    "linear_regression",
    "spirals",
    "train_test_split",
    "standardize",
    "load_digits",
]


def _shuffle(X: np.ndarray, y: np.ndarray, rng: np.random.Generator):
    order = rng.permutation(len(X))
    return X[order], y[order]


def linear_regression(
    n: int,
    rng: np.random.Generator,
    *,
    w: float | np.ndarray = 2.0,
    b: float = -1.0,
    noise: float = 0.1,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Noisy linear data :math:`y = X w + b + \sigma \xi`, :math:`\xi \sim N(0,1)`.

    The data of :ref:`linear-regression-by-hand`.

    Parameters
    ----------
    n : int
        Number of examples N.
    rng : numpy.random.Generator
    w : float or array_like of shape (D,)
        True weights; a scalar gives D = 1.
    b : float
        True intercept.
    noise : float
        Standard deviation σ of the Gaussian noise (0 for exact data).

    Returns
    -------
    X : ndarray of shape (N, D)
        Inputs drawn uniformly from [-1, 1].
    y : ndarray of shape (N,)
    """
    n = check_positive_int(n, "n")
    rng = check_rng(rng)
    noise = check_positive(noise, "noise", allow_zero=True)
    w = np.atleast_1d(np.asarray(w, dtype=float))
    if w.ndim != 1:
        raise ValueError(f"w must be a scalar or a 1-D array of shape (D,), got shape {w.shape}")
    X = rng.uniform(-1.0, 1.0, size=(n, w.size))
    y = X @ w + float(b) + noise * rng.standard_normal(n)
    return X, y


def spirals(n: int, rng: np.random.Generator, classes: int = 2, noise: float = 0.2):
    """Interleaved spiral arms, one per class (the CS231n spiral set).

    The classification problem of :ref:`one-problem-four-learning-rates` and Chapter 4's
    network. Each class gets ``n // classes`` points (the first ``n % classes`` classes one
    more), radius growing linearly from 0 to 1 while the angle sweeps 4 radians, arms evenly
    rotated, angle jittered by ``noise`` radians.

    Parameters
    ----------
    n : int
        Number of examples N ≥ ``classes``.
    rng : numpy.random.Generator
    classes : int, default 2
        Number of classes C (arms).
    noise : float, default 0.2
        Standard deviation of the angle jitter, in radians.

    Returns
    -------
    X : ndarray of shape (N, 2)
    y : ndarray of shape (N,)
        Integer labels in 0..C-1.
    """
    n = check_positive_int(n, "n")
    rng = check_rng(rng)
    classes = check_positive_int(classes, "classes")
    noise = check_positive(noise, "noise", allow_zero=True)
    if n < classes:
        raise ValueError(
            f"n must be at least classes={classes} to give each class a point, got {n}"
        )
    Xs, ys = [], []
    for k in range(classes):
        m = n // classes + (k < n % classes)
        r = np.linspace(0.0, 1.0, m)
        t = np.linspace(0.0, 4.0, m) + 2.0 * np.pi * k / classes  # arm k rotated by 2πk/C
        t = t + noise * rng.standard_normal(m)
        Xs.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
        ys.append(np.full(m, k, dtype=np.int64))
    return _shuffle(np.vstack(Xs), np.concatenate(ys), rng)


def train_test_split(X, y, test_fraction: float, rng: np.random.Generator):
    """Shuffle and split into training and test parts (inputs are not modified).

    See :ref:`three-disjoint-sets-and-standardization`.

    Parameters
    ----------
    X : ndarray of shape (N, ...)
    y : ndarray of shape (N, ...)
    test_fraction : float
        Fraction in (0, 1) of examples for the test part (rounded, at least one each side).
    rng : numpy.random.Generator

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarray
        Same order as scikit-learn's ``train_test_split``.
    """
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"X and y must have the same length, got {len(X)} and {len(y)}")
    test_fraction = check_in_range(test_fraction, "test_fraction", 0.0, 1.0)
    rng = check_rng(rng)
    if test_fraction == 0.0 or len(X) < 2:
        raise ValueError(
            f"need test_fraction > 0 and at least 2 examples, got {test_fraction} and N={len(X)}"
        )
    n_test = min(max(1, round(test_fraction * len(X))), len(X) - 1)
    order = rng.permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Scale every feature to zero mean and unit variance using the *training* statistics.

    See :ref:`three-disjoint-sets-and-standardization`. Constant features (standard deviation
    0) are only centred.

    Parameters
    ----------
    X_train : ndarray of shape (N_train, D), float
    X_test : ndarray of shape (N_test, D), float

    Returns
    -------
    X_train_std, X_test_std : ndarray of shapes (N_train, D) and (N_test, D)
        New arrays, in the dtype of the inputs.
    """
    X_train = as_float_array(X_train, "X_train")
    X_test = as_float_array(X_test, "X_test")
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError(
            "X_train and X_test must be 2-D with the same number of features, got shapes "
            f"{X_train.shape} and {X_test.shape}"
        )
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)  # constant feature: centre only
    return (X_train - mean) / std, (X_test - mean) / std


def load_digits(rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's bundled 8×8 handwritten digits (1797 images, shipped with the package).

    The data of the capstone, :ref:`the-digits-data`.

    Parameters
    ----------
    rng : numpy.random.Generator, optional
        If given, the examples are shuffled with it; otherwise the original order is kept.

    Returns
    -------
    X : ndarray of shape (1797, 64)
        Pixel intensities scaled to [0, 1].
    y : ndarray of shape (1797,)
        Integer digit labels 0–9.

    Raises
    ------
    ImportError
        If scikit-learn is not installed.
    """
    try:
        from sklearn.datasets import load_digits as _sk_load_digits
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "load_digits needs scikit-learn (its digits ship with the package, no download): "
            "pip install scikit-learn"
        ) from err
    digits = _sk_load_digits()
    X = digits.data.astype(float) / 16.0  # pixel values are 0..16
    y = digits.target.astype(np.int64)
    if rng is not None:
        X, y = _shuffle(X, y, check_rng(rng))
    return X, y
