"""Tests for gdlib.gradcheck: central differences, relative error, the report."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from gdlib.gradcheck import (
    GradCheckResult,
    gradient_check,
    numerical_gradient,
    relative_error,
)


def _cubic(x):
    return float(np.sum(x**3) + 2.0 * np.sum(x))


def _cubic_grad(x):
    return 3.0 * x**2 + 2.0


# ---------------------------------------------------------------- numerical_gradient


def test_numerical_gradient_of_quadratic_is_exact():
    # central differences are exact for quadratics up to round-off
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = np.array([0.5, -1.5])
    g = numerical_gradient(lambda v: 0.5 * float(v @ A @ v), x)
    np.testing.assert_allclose(g, A @ x, rtol=1e-8)


@settings(max_examples=40, deadline=None)
@given(shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=4), seed=st.integers(0, 2**32 - 1))
def test_numerical_gradient_matches_analytic_on_random_shapes(shape, seed):
    x = np.random.default_rng(seed).normal(size=shape)
    before = x.copy()
    g = numerical_gradient(_cubic, x)
    assert g.shape == x.shape
    np.testing.assert_allclose(g, _cubic_grad(x), rtol=1e-7, atol=1e-8)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_restores_x_bit_for_bit():
    # values where x + eps - eps != x in floating point
    x = np.array([0.1, 1.0 / 3.0, 1e8 + 0.3, -7.77e-5])
    before = x.copy()
    numerical_gradient(lambda v: float(np.sum(np.sin(v))), x, eps=1e-3)
    assert x.tobytes() == before.tobytes()


def test_numerical_gradient_restores_x_when_f_raises():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    calls = []

    def f(v):
        calls.append(v.copy())
        if len(calls) == 4:  # second entry, minus side
            raise RuntimeError("boom")
        return float(np.sum(v))

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(f, x)
    assert x.tobytes() == before.tobytes()
    # f saw x with exactly one entry perturbed each time
    assert calls[3][1] == 2.0 - 1e-6 and calls[3][0] == 1.0


def test_f_may_close_over_x():
    w = np.array([[1.0, -2.0], [0.5, 3.0]])
    g = numerical_gradient(lambda _: float(np.sum(w**2)), w)
    np.testing.assert_allclose(g, 2 * w, rtol=1e-8)


def test_numerical_gradient_works_on_float32():
    x = np.array([1.0, 2.0], dtype=np.float32)
    g = numerical_gradient(lambda v: float(np.sum(v.astype(np.float64) ** 2)), x, eps=1e-2)
    assert g.dtype == np.float64
    np.testing.assert_allclose(g, [2.0, 4.0], rtol=1e-5)


def test_numerical_gradient_bad_input():
    with pytest.raises(TypeError, match="numpy ndarray.*np.asarray"):
        numerical_gradient(_cubic, [1.0, 2.0])
    with pytest.raises(TypeError, match="floating-point"):
        numerical_gradient(_cubic, np.array([1, 2]))
    with pytest.raises(ValueError, match="eps must be positive"):
        numerical_gradient(_cubic, np.ones(2), eps=0.0)
    x = np.ones(3)
    with pytest.raises(ValueError, match=r"scalar loss.*shape \(3,\).*np.sum"):
        numerical_gradient(lambda v: v**2, x)
    np.testing.assert_array_equal(x, np.ones(3))


# ---------------------------------------------------------------- relative_error


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1.0, 2.0], [1.0, 2.0], 0.0),
        ([0.0, 0.0], [0.0, 0.0], 0.0),  # no 0/0
        ([1.0, 2.0], [1.0, 2.2], 0.2 / 4.2),
        ([1.0, -1.0], [1.0, 1.0], 1.0),  # opposite signs: the maximum
        ([1e-13], [0.0], 1e-13 / 1e-12),  # denominator floored at 1e-12
        ([], [], 0.0),
    ],
)
def test_relative_error_values(a, b, expected):
    assert relative_error(np.array(a), np.array(b)) == pytest.approx(expected, rel=1e-12)
    assert relative_error(np.array(b), np.array(a)) == pytest.approx(expected, rel=1e-12)


def test_relative_error_is_entrywise_not_global():
    # a small entry wrong by 100% is not hidden by a large correct one
    a = np.array([1e3, 1e-3])
    b = np.array([1e3, 2e-3])
    assert relative_error(a, b) == pytest.approx(1.0 / 3.0, rel=1e-12)


def test_relative_error_shape_mismatch():
    with pytest.raises(ValueError, match=r"a shape \(2,\) does not match b shape \(3,\)"):
        relative_error(np.ones(2), np.ones(3))


# ---------------------------------------------------------------- gradient_check


def test_gradient_check_passes_for_correct_gradient():
    x = np.random.default_rng(0).normal(size=(3, 4))
    result = gradient_check(_cubic, x, _cubic_grad(x))
    assert isinstance(result, GradCheckResult)
    assert result.passed
    assert result.max_relative_error < 1e-7
    assert "PASS" in str(result)


def test_gradient_check_reports_the_worst_entry():
    x = np.random.default_rng(1).normal(size=(3, 4))
    wrong = _cubic_grad(x)
    wrong[2, 1] *= 1.5  # a bug in exactly one entry
    result = gradient_check(_cubic, x, wrong)
    assert not result.passed
    assert result.worst_index == (2, 1)
    assert result.analytic == pytest.approx(wrong[2, 1])
    assert result.numerical == pytest.approx(_cubic_grad(x)[2, 1], rel=1e-7)
    assert result.max_relative_error == pytest.approx(0.5 / 2.5, rel=1e-6)
    text = str(result)
    assert "FAIL" in text and "(2, 1)" in text and "2.000e-01" in text


def test_gradient_check_rtol_decides():
    x = np.array([1.0, 2.0])
    slightly_off = _cubic_grad(x) * (1 + 1e-4)
    assert not gradient_check(_cubic, x, slightly_off).passed
    assert gradient_check(_cubic, x, slightly_off, rtol=1e-3).passed


def test_gradient_check_nan_gradient_fails():
    x = np.array([1.0, 2.0])
    result = gradient_check(_cubic, x, np.array([np.nan, 14.0]))
    assert not result.passed
    assert result.worst_index == (0,)


def test_gradient_check_scalar_and_empty_arrays():
    x0 = np.array(1.5)
    result = gradient_check(lambda v: float(v**2), x0, 3.0)
    assert result.passed and result.worst_index == ()
    empty = gradient_check(lambda v: 0.0, np.zeros((0, 2)), np.zeros((0, 2)))
    assert empty.passed and empty.max_relative_error == 0.0


def test_gradient_check_bad_input():
    x = np.ones(3)
    with pytest.raises(ValueError, match=r"analytic_grad shape \(2,\) does not match x shape"):
        gradient_check(_cubic, x, np.ones(2))
    with pytest.raises(TypeError, match="numpy ndarray"):
        gradient_check(_cubic, [1.0, 2.0], np.ones(2))
    with pytest.raises(ValueError, match="rtol must be positive"):
        gradient_check(_cubic, x, np.ones(3), rtol=-1.0)
    with pytest.raises(ValueError, match="eps must be positive"):
        gradient_check(_cubic, x, np.ones(3), eps=-1e-6)
