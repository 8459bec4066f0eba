"""Tests for gdlib.clip: global-norm and value clipping, in place."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib.clip import clip_grad_norm, clip_grad_value


def _global_norm(grads):
    return float(np.sqrt(sum(np.sum(g**2) for g in grads)))


def test_clip_grad_norm_by_hand():
    g = [np.array([3.0, 0.0]), np.array([[0.0], [4.0]])]  # global norm 5
    total = clip_grad_norm(g, 1.0)
    assert total == 5.0
    scale = 1.0 / (5.0 + 1e-6)
    np.testing.assert_allclose(g[0], [3.0 * scale, 0.0], rtol=1e-15)
    np.testing.assert_allclose(g[1], [[0.0], [4.0 * scale]], rtol=1e-15)
    assert _global_norm(g) == pytest.approx(1.0, abs=1e-6)
    assert _global_norm(g) < 1.0


def test_clip_grad_norm_modifies_in_place_and_keeps_direction():
    rng = np.random.default_rng(0)
    g = [rng.normal(size=(3, 4)), rng.normal(size=4)]
    ids = [id(a) for a in g]
    before = [a.copy() for a in g]
    total = clip_grad_norm(g, 0.5)
    assert [id(a) for a in g] == ids
    ratio = g[0] / before[0]
    np.testing.assert_allclose(ratio, 0.5 / (total + 1e-6), rtol=1e-12)
    np.testing.assert_allclose(g[1] / before[1], 0.5 / (total + 1e-6), rtol=1e-12)


def test_clip_grad_norm_below_threshold_is_untouched():
    g = [np.array([0.3, -0.4])]  # norm 0.5
    before = g[0].copy()
    assert clip_grad_norm(g, 0.5) == pytest.approx(0.5, rel=1e-15)  # not strictly above
    np.testing.assert_array_equal(g[0], before)
    assert clip_grad_norm(g, 10.0) == pytest.approx(0.5, rel=1e-15)
    np.testing.assert_array_equal(g[0], before)


def test_clip_grad_norm_empty_list_and_tuple():
    assert clip_grad_norm([], 1.0) == 0.0
    g = (np.array([6.0, 8.0]),)
    assert clip_grad_norm(g, 5.0) == 10.0
    np.testing.assert_allclose(g[0], [3.0, 4.0], rtol=1e-6)


@settings(max_examples=50, deadline=None)
@given(
    shapes=st.lists(st.lists(st.integers(1, 4), min_size=0, max_size=3), min_size=1, max_size=4),
    max_norm=st.floats(1e-3, 1e3),
    scale=st.floats(1e-3, 1e3),
    seed=st.integers(0, 2**32 - 1),
)
def test_clip_grad_norm_property(shapes, max_norm, scale, seed):
    rng = np.random.default_rng(seed)
    g = [np.asarray(scale * rng.normal(size=tuple(s))) for s in shapes]
    expected_total = _global_norm(g)
    total = clip_grad_norm(g, max_norm)
    assert isinstance(total, float)
    assert total == pytest.approx(expected_total, rel=1e-12)
    assert _global_norm(g) <= max_norm * (1 + 1e-12)
    assert _global_norm(g) == pytest.approx(min(total, max_norm), rel=1e-5, abs=1e-6)


def test_clip_grad_value_by_hand():
    g = [np.array([-3.0, 0.5, 2.0]), np.array([[1.5, -0.2]])]
    ids = [id(a) for a in g]
    assert clip_grad_value(g, 1.0) is None
    assert [id(a) for a in g] == ids
    np.testing.assert_array_equal(g[0], [-1.0, 0.5, 1.0])
    np.testing.assert_array_equal(g[1], [[1.0, -0.2]])


@settings(max_examples=30, deadline=None)
@given(clip=st.floats(1e-3, 10.0), seed=st.integers(0, 2**32 - 1))
def test_clip_grad_value_property(clip, seed):
    g = [np.random.default_rng(seed).normal(scale=5.0, size=(4, 3))]
    before = g[0].copy()
    clip_grad_value(g, clip)
    assert np.all(np.abs(g[0]) <= clip)
    inside = np.abs(before) <= clip
    np.testing.assert_array_equal(g[0][inside], before[inside])


@pytest.mark.parametrize("fn", [clip_grad_norm, clip_grad_value])
def test_bad_grads(fn):
    with pytest.raises(TypeError, match=r"list of arrays.*\[g\]"):
        fn(np.ones(3), 1.0)
    with pytest.raises(TypeError, match=r"grads\[1\] must be a numpy ndarray"):
        fn([np.ones(2), [1.0, 2.0]], 1.0)
    with pytest.raises(TypeError, match=r"grads\[0\] must be a floating-point"):
        fn([np.ones(2, dtype=int)], 1.0)


@pytest.mark.parametrize("bound", [0.0, -1.0, np.inf, np.nan])
def test_bad_bounds(bound):
    g = [np.array([3.0, 4.0])]
    with pytest.raises(ValueError, match="max_norm must be positive"):
        clip_grad_norm(g, bound)
    with pytest.raises(ValueError, match="clip_value must be positive"):
        clip_grad_value(g, bound)
    np.testing.assert_array_equal(g[0], [3.0, 4.0])
    with pytest.raises(TypeError, match="max_norm must be a real number"):
        clip_grad_norm(g, "1")
