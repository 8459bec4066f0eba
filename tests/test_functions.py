"""Tests for gdlib.functions: values, gradients against central differences, minima."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib.functions import DoubleWell, Himmelblau, IllConditionedQuadratic, Rosenbrock, Saddle
from gdlib.gradcheck import numerical_gradient
from tests.conftest import assert_gradient_matches

SURFACES = [
    IllConditionedQuadratic(),
    IllConditionedQuadratic(a=3.0, b=0.5),
    Rosenbrock(),
    Rosenbrock(a=-0.5, b=10.0),
    Saddle(),
    Himmelblau(),
    DoubleWell(),
]


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: type(s).__name__)
@given(xy=st.tuples(*[st.floats(-3, 3, allow_nan=False)] * 2))
@settings(max_examples=25, deadline=None)
def test_gradient_matches_central_differences(surface, xy):
    theta = np.array(xy, dtype=float)
    analytic = surface.grad(theta)
    numeric = numerical_gradient(surface.value, theta)
    assert_gradient_matches(analytic, numeric, scale=abs(surface(theta)))


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: type(s).__name__)
def test_gradient_vanishes_at_every_minimum(surface):
    for m in surface.minima:
        np.testing.assert_allclose(surface.grad(m), 0.0, atol=1e-9)
    if surface.minimum is not None:
        np.testing.assert_allclose(surface.minimum, surface.minima[0])
        # a small step away from the minimum increases J
        for d in np.eye(2):
            assert surface(surface.minimum + 1e-3 * d) > surface(surface.minimum)


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: type(s).__name__)
def test_grid_evaluation_matches_pointwise(surface):
    (x0, x1), (y0, y1) = surface.bounds
    assert x0 < x1 and y0 < y1
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, 4), np.linspace(y0, y1, 3)))
    values = surface.value(grid)
    grads = surface.grad(grid)
    assert values.shape == (3, 4) and grads.shape == (2, 3, 4)
    for i in range(3):
        for j in range(4):
            assert values[i, j] == pytest.approx(surface.value(grid[:, i, j]), rel=1e-12)
            np.testing.assert_allclose(grads[:, i, j], surface.grad(grid[:, i, j]), rtol=1e-12)


def test_value_of_a_point_is_a_float_and_input_untouched():
    q = IllConditionedQuadratic(a=1.0, b=20.0)
    theta = np.array([1.0, 1.0])
    assert isinstance(q(theta), float)
    assert q(theta) == pytest.approx(10.5)
    np.testing.assert_array_equal(q.grad(theta), [1.0, 20.0])
    np.testing.assert_array_equal(theta, [1.0, 1.0])


def test_quadratic_curvature_constants():
    q = IllConditionedQuadratic(a=2.0, b=50.0)
    assert (q.L, q.lambda_min, q.kappa) == (50.0, 2.0, 25.0)


def test_known_values():
    assert Rosenbrock()(np.array([0.0, 0.0])) == pytest.approx(1.0)
    assert Saddle()(np.array([1.0, 2.0])) == pytest.approx(-3.0)
    assert Saddle().minimum is None
    np.testing.assert_array_equal(Saddle().grad(Saddle().stationary_point), [0.0, 0.0])
    assert Himmelblau()(np.array([0.0, 0.0])) == pytest.approx(170.0)
    np.testing.assert_allclose(Himmelblau().value(Himmelblau().minima.T), 0.0, atol=1e-20)


def test_double_well_global_below_local():
    dw = DoubleWell(tilt=0.3)
    assert dw.minimum[0] < 0 < dw.local_minimum[0]
    assert dw(dw.minimum) < dw(dw.local_minimum)


@pytest.mark.parametrize(
    "make, error, match",
    [
        (lambda: IllConditionedQuadratic(a=0.0), ValueError, "a must be positive"),
        (lambda: IllConditionedQuadratic(b=-1.0), ValueError, "b must be positive"),
        (lambda: Rosenbrock(b="x"), TypeError, "b must be a real number"),
        (lambda: DoubleWell(tilt=2.0), ValueError, "below 1.5"),
        (lambda: DoubleWell(tilt=0.0), ValueError, "tilt must be positive"),
    ],
)
def test_bad_constructor_arguments(make, error, match):
    with pytest.raises(error, match=match):
        make()


@pytest.mark.parametrize(
    "theta, error, match",
    [
        (np.array([1, 2]), TypeError, "floating-point"),
        (np.array([1.0, 2.0, 3.0]), ValueError, r"shape \(2,\) or \(2, \.\.\.\)"),
        (np.float64(1.0), ValueError, "got shape"),
    ],
)
def test_bad_theta(theta, error, match):
    q = IllConditionedQuadratic()
    with pytest.raises(error, match=match):
        q.value(theta)
    with pytest.raises(error, match=match):
        q.grad(theta)
