"""Tests for gdlib.data: shapes, dtypes, determinism, and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib import data


def rng(seed=0):
    return np.random.default_rng(seed)


@given(n=st.integers(4, 200), classes=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
@settings(max_examples=15, deadline=None)
def test_spirals_shapes_and_determinism(n, classes, seed):
    X, y = data.spirals(n, rng(seed), classes=classes)
    assert X.shape == (n, 2) and X.dtype == np.float64
    assert y.shape == (n,) and np.issubdtype(y.dtype, np.integer)
    assert np.all(np.isfinite(X))
    X2, y2 = data.spirals(n, rng(seed), classes=classes)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


def test_classes_are_balanced_and_shuffled():
    _, y = data.spirals(10, rng(), classes=3)
    assert np.bincount(y).tolist() == [4, 3, 3]
    _, y = data.spirals(101, rng())
    assert np.bincount(y).tolist() == [51, 50]
    assert not np.all(y[:51] == 0)  # shuffled, not sorted by class


def test_noise_free_spirals_lie_on_their_arms():
    X, y = data.spirals(30, rng(), classes=3, noise=0.0)
    for k in range(3):
        arm = X[y == k]
        radius = np.hypot(arm[:, 0], arm[:, 1])
        order = np.argsort(radius)
        np.testing.assert_allclose(radius[order], np.linspace(0.0, 1.0, 10), atol=1e-12)
        # the angle grows linearly with the radius: 4 radians over the arm, rotated by 2πk/3
        angle = np.arctan2(arm[order, 0], arm[order, 1])[1:]  # x = r sin t, y = r cos t
        expected = np.linspace(0.0, 4.0, 10)[1:] + 2 * np.pi * k / 3
        np.testing.assert_allclose(np.angle(np.exp(1j * (angle - expected))), 0.0, atol=1e-9)


def test_linear_regression_recovers_weights():
    X, y = data.linear_regression(2000, rng(), w=[1.5, -2.0], b=0.5, noise=0.05)
    assert X.shape == (2000, 2) and y.shape == (2000,)
    A = np.column_stack([X, np.ones(len(X))])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    np.testing.assert_allclose(coef, [1.5, -2.0, 0.5], atol=0.02)
    X, y = data.linear_regression(10, rng(), noise=0.0)
    assert X.shape == (10, 1)
    np.testing.assert_allclose(y, 2.0 * X[:, 0] - 1.0)


def test_train_test_split_partitions_without_mutation():
    X = np.arange(20.0).reshape(10, 2)
    y = np.arange(10)
    X_copy = X.copy()
    X_tr, X_te, y_tr, y_te = data.train_test_split(X, y, 0.3, rng())
    assert len(X_te) == 3 and len(X_tr) == 7
    np.testing.assert_array_equal(X_tr[:, 0] / 2, y_tr)  # rows stay paired with labels
    assert sorted(np.concatenate([y_tr, y_te]).tolist()) == list(range(10))
    np.testing.assert_array_equal(X, X_copy)
    _, X_te, _, _ = data.train_test_split(X, y, 0.01, rng())
    assert len(X_te) == 1  # at least one test example


def test_standardize_uses_training_statistics():
    X_tr = np.array([[1.0, 5.0], [3.0, 5.0]])
    X_te = np.array([[2.0, 6.0]])
    a, b = data.standardize(X_tr, X_te)
    np.testing.assert_allclose(a, [[-1.0, 0.0], [1.0, 0.0]])  # constant column only centred
    np.testing.assert_allclose(b, [[0.0, 1.0]])
    np.testing.assert_array_equal(X_tr, [[1.0, 5.0], [3.0, 5.0]])


def test_load_digits():
    X, y = data.load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert X.min() == 0.0 and X.max() == 1.0
    assert set(y.tolist()) == set(range(10))
    Xs, ys = data.load_digits(rng(1))
    assert not np.array_equal(ys, y)
    order = np.lexsort(Xs.T[::-1])
    np.testing.assert_array_equal(Xs[order], X[np.lexsort(X.T[::-1])])


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: data.spirals(0, rng()), ValueError, "n must be a positive integer"),
        (lambda: data.spirals(5.0, rng()), TypeError, "n must be a positive integer"),
        (lambda: data.spirals(5, 0), TypeError, "numpy.random.Generator"),
        (lambda: data.spirals(5, rng(), noise=-1.0), ValueError, "noise must be non-negative"),
        (lambda: data.spirals(2, rng(), classes=3), ValueError, "at least classes=3"),
        (lambda: data.spirals(5, rng(), classes=0), ValueError, "classes must be"),
        (lambda: data.linear_regression(5, rng(), w=np.ones((2, 2))), ValueError, "1-D"),
        (lambda: data.load_digits(rng=1), TypeError, "Generator"),
        (
            lambda: data.train_test_split(np.ones((3, 1)), np.ones(2), 0.5, rng()),
            ValueError,
            "same length",
        ),
        (
            lambda: data.train_test_split(np.ones((3, 1)), np.ones(3), 1.0, rng()),
            ValueError,
            r"test_fraction must be in",
        ),
        (
            lambda: data.train_test_split(np.ones((3, 1)), np.ones(3), 0.0, rng()),
            ValueError,
            "test_fraction > 0",
        ),
        (lambda: data.standardize(np.ones((3, 2)), np.ones((3, 3))), ValueError, "same number"),
        (
            lambda: data.standardize(np.ones((3, 2), dtype=int), np.ones((3, 2))),
            TypeError,
            "X_train",
        ),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()
