"""Tests for gdlib.init: shapes, variances, determinism, the name lookup."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import init

FAN_IN, FAN_OUT = 400, 600  # 240 000 samples: sample variance within ~1% of the truth
INITS = {
    "xavier_uniform": (init.xavier_uniform, 2.0 / (FAN_IN + FAN_OUT)),
    "xavier_normal": (init.xavier_normal, 2.0 / (FAN_IN + FAN_OUT)),
    "he_normal": (init.he_normal, 2.0 / FAN_IN),
    "he_uniform": (init.he_uniform, 2.0 / FAN_IN),
}


@pytest.mark.parametrize("name", list(INITS))
def test_variance_mean_shape_dtype(name):
    fn, var = INITS[name]
    w = fn(FAN_IN, FAN_OUT, np.random.default_rng(0))
    assert w.shape == (FAN_IN, FAN_OUT)
    assert w.dtype == np.float64
    # std of the sample variance is about var * sqrt(2 / n) (< 0.3% here); allow 3%
    assert np.var(w) == pytest.approx(var, rel=0.03)
    assert abs(np.mean(w)) < 5 * np.sqrt(var / w.size)


@pytest.mark.parametrize(
    ("fn", "a"),
    [
        (init.xavier_uniform, np.sqrt(6.0 / (FAN_IN + FAN_OUT))),
        (init.he_uniform, np.sqrt(6.0 / FAN_IN)),
    ],
)
def test_uniform_bounds(fn, a):
    w = fn(FAN_IN, FAN_OUT, np.random.default_rng(1))
    assert np.all(np.abs(w) <= a)
    assert np.max(np.abs(w)) > 0.99 * a  # the whole interval is used


def test_normal_inits_are_gaussian():
    w = init.he_normal(FAN_IN, FAN_OUT, np.random.default_rng(2))
    z = w / np.sqrt(2.0 / FAN_IN)
    # fraction within one standard deviation: 0.6827 for a Gaussian, 0.577 for uniform
    assert np.mean(np.abs(z) < 1.0) == pytest.approx(0.6827, abs=0.01)


def test_normal_and_zeros():
    w = init.normal(300, 500, np.random.default_rng(3))
    assert w.shape == (300, 500) and w.dtype == np.float64
    assert np.std(w) == pytest.approx(0.01, rel=0.02)
    assert np.std(init.normal(300, 500, np.random.default_rng(3), std=0.5)) == pytest.approx(
        0.5, rel=0.02
    )
    z = init.zeros(2, 3)
    assert z.dtype == np.float64
    np.testing.assert_array_equal(z, np.zeros((2, 3)))


@pytest.mark.parametrize("name", ["he", "he_uniform", "xavier", "xavier_normal", "normal", "zeros"])
def test_dtype_is_the_float64_draw_rounded(name):
    fn = init.get_initializer(name)
    w64 = fn(4, 3, np.random.default_rng(5))
    w32 = fn(4, 3, np.random.default_rng(5), dtype=np.float32)
    assert w32.dtype == np.float32
    np.testing.assert_array_equal(w32, w64.astype(np.float32))
    with pytest.raises(TypeError, match="dtype must be a floating-point type"):
        fn(4, 3, np.random.default_rng(5), dtype=int)


@pytest.mark.parametrize("name", list(INITS))
def test_same_seed_same_weights(name):
    fn, _ = INITS[name]
    a = fn(5, 3, np.random.default_rng(42))
    b = fn(5, 3, np.random.default_rng(42))
    c = fn(5, 3, np.random.default_rng(43))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_generator_state_advances():
    rng = np.random.default_rng(7)
    first = init.xavier_normal(3, 3, rng)
    second = init.xavier_normal(3, 3, rng)
    assert not np.array_equal(first, second)


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("he", init.he_normal),
        ("he_normal", init.he_normal),
        ("he_uniform", init.he_uniform),
        ("xavier", init.xavier_uniform),
        ("xavier_uniform", init.xavier_uniform),
        ("xavier_normal", init.xavier_normal),
    ],
)
def test_get_initializer_aliases(name, target):
    assert init.get_initializer(name) is target


def test_get_initializer_normal_and_zeros():
    assert init.get_initializer("normal") is init.normal
    assert init.get_initializer("zeros") is init.zeros
    assert init.get_initializer("zeros")(1, 1).shape == (1, 1)


def test_get_initializer_bad_name():
    with pytest.raises(ValueError, match=r"unknown initializer 'kaiming'.*'he'.*'zeros'"):
        init.get_initializer("kaiming")
    with pytest.raises(TypeError, match="must be a string"):
        init.get_initializer(None)


@pytest.mark.parametrize("name", ["he", "he_uniform", "xavier", "xavier_normal", "normal"])
def test_rng_must_be_a_generator(name):
    fn = init.get_initializer(name)
    with pytest.raises(TypeError, match=r"numpy.random.Generator.*default_rng\(seed\)"):
        fn(3, 2, 0)
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        fn(3, 2, np.random.RandomState(0))


@pytest.mark.parametrize("name", ["he", "he_uniform", "xavier", "xavier_normal", "normal", "zeros"])
def test_bad_fans(name):
    fn = init.get_initializer(name)
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="fan_in must be a positive integer, got 0"):
        fn(0, 3, rng)
    with pytest.raises(ValueError, match="fan_out must be a positive integer, got -2"):
        fn(3, -2, rng)
    with pytest.raises(TypeError, match="fan_in must be a positive integer, got float"):
        fn(3.0, 2, rng)
    with pytest.raises(TypeError, match="fan_out must be a positive integer, got bool"):
        fn(3, True, rng)


def test_normal_bad_std():
    with pytest.raises(ValueError, match="std must be positive"):
        init.normal(2, 2, np.random.default_rng(0), std=0.0)
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        init.normal(2, 2, None)
