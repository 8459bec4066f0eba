"""The models of mistakes and the optimizer checks built on them, in-process.

A model names a learner's mistake only if, without its mistake, it is the reference: each
model class run with ``mistake=None`` must move exactly as ``gdlib.optim`` does, and each
mistake must move differently on the tests' problem (else its hint could never fire, or would
fire on correct code).
"""

from __future__ import annotations

import numpy as np
import pytest

import gdlib
from gdcourse.learner import checks
from gdcourse.learner.mistakes import ex01, ex02, ex03
from gdcourse.learner.optimizers import _trajectory

START = [np.array([1.0, -2.0]), np.array([[0.5, 1.5]])]


def grad(params):  # a shifted quadratic: L2 decay is not a rescaling of the gradient here
    return [np.array([1.0, 10.0]) * (params[0] - 0.5), 0.5 * (params[1] + 1.0)]


def path(make, **kwargs):
    return _trajectory(make, START, kwargs, grad, 5)


CASES = [
    (ex03.SGDMistake, gdlib.optim.SGD, dict(lr=0.05, momentum=0.9, weight_decay=0.1),
     ["momentum_ignored", "dampening", "mu_on_gradient", "decay_after_momentum",
      "decay_without_lr", "decay_sign", "decay_ignored", "lr_ignored"]),
    (ex03.SGDMistake, gdlib.optim.SGD, dict(lr=0.05, momentum=0.9, nesterov=True),
     ["nesterov_ignored"]),
    (ex03.RMSpropMistake, gdlib.optim.RMSprop, dict(lr=0.01, alpha=0.9, eps=1e-3),
     ["eps_inside_sqrt", "alpha_swapped", "no_state", "no_sqrt", "adagrad_sum"]),
    (ex03.AdamMistake, gdlib.optim.Adam, dict(lr=0.05, eps=1e-3, weight_decay=0.2),
     ["no_bias_correction", "t_from_zero", "t_per_array", "betas_swapped", "bias_m_only",
      "efficient_eps", "eps_inside_sqrt", "adam_decay_decoupled", "decay_ignored"]),
    (ex03.AdamWMistake, gdlib.optim.AdamW, dict(lr=0.05, weight_decay=0.2),
     ["adamw_as_l2", "adamw_decay_after", "adamw_without_lr", "adamw_both", "adamw_ignored"]),
]


@pytest.mark.parametrize("model, reference, kwargs, names", CASES)
def test_a_model_without_its_mistake_is_the_reference(model, reference, kwargs, names):
    np.testing.assert_allclose(path(lambda p, **k: model(None, p, **k), **kwargs),
                               path(reference, **kwargs), rtol=1e-12, atol=1e-15)
    for name in names:
        assert name in ex03.HINTS
        mine = path(lambda p, n=name, **k: model(n, p, **k), **kwargs)
        assert not np.allclose(mine, path(reference, **kwargs), equal_nan=True), name


def test_features_on_top_of_the_learners_own_optimizer():
    for kwargs in [dict(lr=0.05, momentum=0.9), dict(lr=0.05, momentum=0.5, nesterov=True,
                                                     weight_decay=0.3)]:
        np.testing.assert_allclose(path(ex03.on_own_plain_sgd(gdlib.optim.SGD), **kwargs),
                                   path(gdlib.optim.SGD, **kwargs), rtol=1e-12)
    np.testing.assert_allclose(path(ex03.on_own_l2(gdlib.optim.Adam), lr=0.05, weight_decay=0.3),
                               path(gdlib.optim.Adam, lr=0.05, weight_decay=0.3), rtol=1e-12)
    np.testing.assert_allclose(path(ex03.on_own_decoupled(gdlib.optim.Adam), lr=0.05,
                                    weight_decay=0.3),
                               path(gdlib.optim.AdamW, lr=0.05, weight_decay=0.3), rtol=1e-12)


def test_linear_regression_models():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(7, 2)), rng.normal(size=7)
    w, b, losses = ex03.linear_regression(X, y, 0.1, 20)
    ref_w, ref_b = np.zeros(2), np.zeros(1)
    opt = gdlib.optim.SGD([ref_w, ref_b], lr=0.1)
    for t in range(20):
        pred = X @ ref_w + ref_b[0]
        assert np.isclose(losses[t], gdlib.losses.mse(pred, y))
        g = gdlib.losses.mse_grad(pred, y)
        opt.step([X.T @ g, np.array([g.sum()])])
    np.testing.assert_allclose(w, ref_w)
    for mistake in ex03.LINREG:
        assert not np.allclose(ex03.linear_regression(X, y, 0.1, 20, mistake)[2], losses)


def test_runs_needs_finite_moving_steps():
    assert checks.runs(gdlib.optim.SGD, kwargs=dict(lr=0.1), params=START, grad=grad)

    class Still:
        def __init__(self, params, lr):
            self.params = params

        def step(self, grads):
            pass

    class Crash(Still):
        def step(self, grads):
            raise ValueError("no")

    for broken in (Still, Crash, lambda p, lr: ex03.AdamMistake("t_from_zero", p, lr=lr)):
        assert not checks.runs(broken, kwargs=dict(lr=0.1), params=START, grad=grad)


def test_a_nan_step_is_reported_where_it_happens():
    make = lambda p, lr: ex03.AdamMistake("t_from_zero", p, lr=lr)  # noqa: E731
    with pytest.raises(checks.CheckFailed) as err:
        checks.expect_optimizer(make, gdlib.optim.Adam, name="Adam", kwargs=dict(lr=0.1),
                                params=START, grad=grad, steps=3)
    assert "a parameter after step 1 is NaN" in str(err.value)
    assert "did not change" not in str(err.value)


def test_a_step_that_changes_the_gradients_is_told_so():
    def make(params, lr):
        class Mine:
            def __init__(self):
                self.params = params

            def step(self, grads):
                for p, g in zip(self.params, grads, strict=True):
                    g *= lr
                    p -= g
        return Mine()

    with pytest.raises(checks.CheckFailed, match="changed the gradient arrays it was given"):
        checks.expect_optimizer(make, gdlib.optim.SGD, name="SGD", kwargs=dict(lr=0.1),
                                params=START, grad=grad)


def test_loss_models_differ_from_the_right_answer():
    rng = np.random.default_rng(1)
    z, y = rng.normal(size=(4, 3)), rng.integers(0, 3, size=4)
    q = 0.9 * np.eye(3)[y] + 0.1 / 3
    right = (gdlib.losses.softmax(z) - q) / 4
    assert not any(np.allclose(v, right) for v in ex01.for_smoothed_grad(z, y, 0.1).values())
    x = rng.normal(size=5)
    table = ex02.for_numerical_gradient(lambda v: float(np.sum(v**3)), x, 0.1)
    assert not any(np.allclose(v, 3 * x**2 + 0.01) for v in table.values())
    assert ex02.FIXED_STEP in table
