"""Tests for gdlib.losses: values, gradients, stability, validation."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from gdlib import losses
from gdlib.gradcheck import gradient_check, numerical_gradient
from tests.conftest import assert_gradient_matches

RTOL_GRAD = 1e-6  # max relative error of analytic vs central-difference gradient


def _regression_pair(rng, shape=(4, 3)):
    pred = rng.normal(size=shape)
    # keep residuals away from the kinks of MAE (0) and Huber (±delta = ±1)
    resid = rng.uniform(0.1, 0.9, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    resid[0, 0] = 2.5  # one residual in Huber's linear part
    return pred, pred - resid


# ---------------------------------------------------------------- values


def test_mse_mae_huber_known_values():
    pred = np.array([1.0, -2.0, 0.5, 3.0])
    target = np.array([0.0, 0.0, 0.0, 0.0])
    assert losses.mse(pred, target) == pytest.approx((1 + 4 + 0.25 + 9) / 4, rel=1e-15)
    assert losses.mae(pred, target) == pytest.approx((1 + 2 + 0.5 + 3) / 4, rel=1e-15)
    # huber, delta=1: 0.5*r^2 inside, |r| - 0.5 outside
    assert losses.huber(pred, target) == pytest.approx((0.5 + 1.5 + 0.125 + 2.5) / 4, rel=1e-15)
    assert losses.huber(pred, target, delta=3.0) == pytest.approx(
        (0.5 + 2.0 + 0.125 + 4.5) / 4, rel=1e-15
    )


def test_mse_is_mean_over_all_elements():
    pred = np.ones((2, 5))
    assert losses.mse(pred, np.zeros((2, 5))) == 1.0
    np.testing.assert_allclose(losses.mse_grad(pred, np.zeros((2, 5))), np.full((2, 5), 0.2))


def test_mae_grad_is_zero_at_kink():
    np.testing.assert_array_equal(
        losses.mae_grad(np.array([1.0, 2.0]), np.array([1.0, 0.0])), [0.0, 0.5]
    )


def test_cross_entropy_uniform_logits_give_log_c():
    for c in (2, 5, 10):
        assert losses.cross_entropy(np.zeros((3, c)), np.array([0, 1, 1])) == pytest.approx(
            np.log(c), rel=1e-14
        )


def test_cross_entropy_matches_naive_formula():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(6, 4))
    y = rng.integers(0, 4, size=6)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    naive = -np.mean(np.log(p[np.arange(6), y]))
    assert losses.cross_entropy(z, y) == pytest.approx(naive, rel=1e-13)
    np.testing.assert_allclose(losses.softmax(z), p, rtol=1e-13)
    np.testing.assert_allclose(losses.log_softmax(z), np.log(p), rtol=1e-12)


def test_binary_cross_entropy_matches_naive_formula():
    rng = np.random.default_rng(1)
    z = rng.normal(size=(5, 2))
    y = rng.uniform(size=(5, 2))
    s = 1 / (1 + np.exp(-z))
    naive = -np.mean(y * np.log(s) + (1 - y) * np.log(1 - s))
    assert losses.binary_cross_entropy(z, y) == pytest.approx(naive, rel=1e-13)
    assert losses.binary_cross_entropy(np.zeros(3), np.array([0.0, 1.0, 0.5])) == pytest.approx(
        np.log(2), rel=1e-14
    )
    np.testing.assert_allclose(losses.sigmoid(z), s, rtol=1e-14)


# ---------------------------------------------------------------- gradients


@pytest.mark.parametrize(
    ("loss", "grad"),
    [
        (losses.mse, losses.mse_grad),
        (losses.mae, losses.mae_grad),
        (losses.huber, losses.huber_grad),
    ],
)
def test_regression_gradients_match_central_differences(loss, grad):
    pred, target = _regression_pair(np.random.default_rng(2))
    result = gradient_check(lambda p: loss(p, target), pred, grad(pred, target))
    assert result.passed, str(result)
    assert result.max_relative_error < RTOL_GRAD


def test_huber_gradient_other_delta():
    pred, target = _regression_pair(np.random.default_rng(3))
    result = gradient_check(
        lambda p: losses.huber(p, target, 0.5), pred, losses.huber_grad(pred, target, 0.5)
    )
    assert result.max_relative_error < RTOL_GRAD, str(result)


def test_cross_entropy_gradient_matches_central_differences():
    rng = np.random.default_rng(4)
    z = rng.normal(size=(5, 3))
    y = np.array([0, 2, 1, 1, 0])
    result = gradient_check(
        lambda v: losses.cross_entropy(v, y), z, losses.cross_entropy_grad(z, y)
    )
    assert result.max_relative_error < RTOL_GRAD, str(result)


def test_binary_cross_entropy_gradient_matches_central_differences():
    rng = np.random.default_rng(5)
    z = rng.normal(size=(4, 3)) * 3
    y = rng.uniform(size=(4, 3))
    result = gradient_check(
        lambda v: losses.binary_cross_entropy(v, y), z, losses.binary_cross_entropy_grad(z, y)
    )
    assert result.max_relative_error < RTOL_GRAD, str(result)


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(1, 6),
    c=st.integers(2, 5),
    seed=st.integers(0, 2**32 - 1),
)
def test_cross_entropy_gradient_property(n, c, seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, c))
    y = rng.integers(0, c, size=n)
    g = losses.cross_entropy_grad(z, y)
    # each row of softmax - onehot sums to zero
    np.testing.assert_allclose(g.sum(axis=1), 0.0, atol=1e-15)
    result = gradient_check(lambda v: losses.cross_entropy(v, y), z, g)
    assert result.max_relative_error < RTOL_GRAD, str(result)


@settings(max_examples=30, deadline=None)
@given(shape=hnp.array_shapes(min_dims=1, max_dims=3, max_side=4), seed=st.integers(0, 2**32 - 1))
def test_mse_gradient_property(shape, seed):
    rng = np.random.default_rng(seed)
    pred, target = rng.normal(size=shape), rng.normal(size=shape)
    assert losses.mse(pred, target) >= 0.0
    # entries where pred ≈ target have gradients near zero: held to an absolute tolerance
    numerical = numerical_gradient(lambda p: losses.mse(p, target), pred)
    assert_gradient_matches(losses.mse_grad(pred, target), numerical,
                            scale=losses.mse(pred, target))


@settings(max_examples=30, deadline=None)
@given(
    z=hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=1, max_dims=2, max_side=5),
        elements=st.floats(-1e4, 1e4),
    )
)
def test_softmax_and_sigmoid_properties(z):
    with np.errstate(all="raise"):
        p = losses.softmax(z)
        s = losses.sigmoid(z)
        s_neg = losses.sigmoid(-z)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)
    assert np.all((p >= 0) & (p <= 1))
    np.testing.assert_allclose(s + s_neg, 1.0, rtol=1e-12)


# ---------------------------------------------------------------- stability


def test_large_logits_are_finite_and_warning_free():
    z2 = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]])
    y2 = np.array([1, 2])
    zb = np.array([1e4, -1e4, 1e4, -1e4])
    yb = np.array([0.0, 1.0, 1.0, 0.0])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        ce = losses.cross_entropy(z2, y2)
        ce_g = losses.cross_entropy_grad(z2, y2)
        bce = losses.binary_cross_entropy(zb, yb)
        bce_g = losses.binary_cross_entropy_grad(zb, yb)
        ls = losses.log_softmax(z2)
        sm = losses.softmax(z2)
        sg = losses.sigmoid(zb)
    assert ce == pytest.approx(1e4, rel=1e-12)  # (2e4 + 0) / 2
    assert bce == pytest.approx(5e3, rel=1e-12)  # (1e4 + 1e4 + 0 + 0) / 4
    for arr in (ce_g, bce_g, ls, sm, sg):
        assert np.all(np.isfinite(arr))
    np.testing.assert_allclose(ce_g, [[0.5, -0.5, 0.0], [0.0, 0.0, 0.0]], atol=1e-15)
    np.testing.assert_allclose(bce_g, [0.25, -0.25, 0.0, 0.0], atol=1e-15)
    np.testing.assert_array_equal(sg, [1.0, 0.0, 1.0, 0.0])


# ---------------------------------------------------------------- no mutation

_Z = np.array([[0.3, -1.2, 2.0], [1.0, 0.0, -0.5]])
_LABELS = np.array([2, 0])
_PROBS = np.array([[0.2, 1.0, 0.0], [0.5, 0.7, 1.0]])
_CALLS = [
    (losses.mse, (_Z, _PROBS)),
    (losses.mse_grad, (_Z, _PROBS)),
    (losses.mae, (_Z, _PROBS)),
    (losses.mae_grad, (_Z, _PROBS)),
    (losses.huber, (_Z, _PROBS)),
    (losses.huber_grad, (_Z, _PROBS)),
    (losses.softmax, (_Z,)),
    (losses.log_softmax, (_Z,)),
    (losses.sigmoid, (_Z,)),
    (losses.cross_entropy, (_Z, _LABELS)),
    (losses.cross_entropy_grad, (_Z, _LABELS)),
    (losses.binary_cross_entropy, (_Z, _PROBS)),
    (losses.binary_cross_entropy_grad, (_Z, _PROBS)),
]


@pytest.mark.parametrize(("fn", "args"), _CALLS, ids=[f.__name__ for f, _ in _CALLS])
def test_inputs_are_not_mutated(fn, args):
    copies = [a.copy() for a in args]
    out = fn(*args)
    for a, c in zip(args, copies, strict=True):
        np.testing.assert_array_equal(a, c)
    if isinstance(out, np.ndarray):
        assert not any(np.shares_memory(out, a) for a in args)


@pytest.mark.parametrize(("fn", "args"), _CALLS, ids=[f.__name__ for f, _ in _CALLS])
def test_float32_in_float32_out(fn, args):
    args32 = [a.astype(np.float32) if a.dtype == np.float64 else a for a in args]
    out32, out64 = fn(*args32), fn(*args)
    if isinstance(out32, np.ndarray):
        assert out32.dtype == np.float32
    np.testing.assert_allclose(out32, out64, rtol=1e-5, atol=1e-7)


def test_float64_targets_meet_float32_predictions_in_float32():
    pred = np.array([[0.5, 1.0]], dtype=np.float32)
    assert losses.mse_grad(pred, np.array([[0.0, 1.0]])).dtype == np.float32
    assert losses.binary_cross_entropy_grad(pred, np.array([[1, 0]])).dtype == np.float32


# ---------------------------------------------------------------- bad input


def test_integer_targets_are_accepted():
    assert losses.mse(np.array([1.0, 2.0]), np.array([1, 2])) == 0.0
    assert losses.binary_cross_entropy(np.array([0.0]), np.array([True])) == pytest.approx(
        np.log(2)
    )


@pytest.mark.parametrize(
    "fn", [losses.mse, losses.mse_grad, losses.mae, losses.huber, losses.binary_cross_entropy]
)
def test_integer_prediction_is_rejected(fn):
    with pytest.raises(TypeError, match="floating-point"):
        fn(np.array([1, 0]), np.array([1.0, 0.0]))


@pytest.mark.parametrize("fn", [losses.mse, losses.mae_grad, losses.huber_grad])
def test_regression_bad_shapes(fn):
    with pytest.raises(ValueError, match=r"shape \(3,\) does not match target shape \(3, 1\)"):
        fn(np.zeros(3), np.zeros((3, 1)))
    with pytest.raises(ValueError, match="empty"):
        fn(np.zeros(0), np.zeros(0))


def test_target_of_wrong_kind_is_rejected():
    with pytest.raises(TypeError, match="target must be a floating-point"):
        losses.mse(np.zeros(2), np.array(["a", "b"]))


@pytest.mark.parametrize("delta", [0.0, -1.0, np.inf])
def test_huber_bad_delta(delta):
    with pytest.raises(ValueError, match="delta must be positive"):
        losses.huber(np.zeros(2), np.ones(2), delta=delta)
    with pytest.raises(ValueError, match="delta must be positive"):
        losses.huber_grad(np.zeros(2), np.ones(2), delta=delta)


@pytest.mark.parametrize("fn", [losses.softmax, losses.log_softmax, losses.sigmoid])
def test_activation_rejects_integers(fn):
    with pytest.raises(TypeError, match="logits|z"):
        fn(np.array([1, 2]))


@pytest.mark.parametrize("fn", [losses.cross_entropy, losses.cross_entropy_grad])
def test_cross_entropy_bad_input(fn):
    z = np.zeros((2, 3))
    with pytest.raises(TypeError, match="logits must be a floating-point"):
        fn(np.zeros((2, 3), dtype=int), np.array([0, 1]))
    with pytest.raises(ValueError, match=r"shape \(N, C\).*logits\[None, :\]"):
        fn(np.zeros(3), np.array([0]))
    with pytest.raises(ValueError, match=r"shape \(N, C\)"):
        fn(np.zeros((0, 3)), np.zeros(0, dtype=int))
    with pytest.raises(TypeError, match=r"integer array.*astype\(int\)"):
        fn(z, np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"labels shape \(2, 1\) must be \(N,\) = \(2,\)"):
        fn(z, np.array([[0], [1]]))
    with pytest.raises(ValueError, match=r"\[0, 3\), got 3 at index 1.*subtract 1"):
        fn(z, np.array([0, 3]))
    with pytest.raises(ValueError, match=r"got -1 at index 0"):
        fn(z, np.array([-1, 0]))


@pytest.mark.parametrize("fn", [losses.binary_cross_entropy, losses.binary_cross_entropy_grad])
def test_binary_cross_entropy_bad_targets(fn):
    with pytest.raises(ValueError, match=r"\[0, 1\], got -1.0 at index \(1,\)"):
        fn(np.zeros(2), np.array([1.0, -1.0]))
    with pytest.raises(ValueError, match=r"got nan at index \(0, 0\)"):
        fn(np.zeros((1, 1)), np.array([[np.nan]]))
    with pytest.raises(ValueError, match="logits shape"):
        fn(np.zeros(2), np.zeros(3))
