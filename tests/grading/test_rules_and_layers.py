"""The checks of rule-based classifiers, of a network's gradients and of parameter gradients:
each names a mistake only when the evidence singles it out."""

from __future__ import annotations

import numpy as np
import pytest

from gdcourse.learner import checks, gradients, rules
from gdcourse.learner.mistakes import ex04, ex05, ex06


def failure(func, *args, **kwargs) -> str:
    with pytest.raises(checks.CheckFailed) as err:
        func(*args, **kwargs)
    return str(err.value)


# -- expect_rules --------------------------------------------------------------------------
def sign(x, strict=True):
    return "positive" if (x > 0 if strict else x >= 0) else "not positive"


CASES = [rules.Case("x = 1", (1.0,), "positive", "1 > 0."),
         rules.Case("x = 0", (0.0,), "not positive", "0 is not > 0."),
         rules.Case("x = -1", (-1.0,), "not positive", "-1 is not > 0.")]
CHOICES = ("positive", "not positive")
MODELS = {"you used >= where the rule says >.": lambda x: sign(x, strict=False),
          "you flipped every answer.": lambda x: "not positive" if sign(x) == "positive"
          else "positive"}


def test_expect_rules_passes_the_rules():
    rules.expect_rules(sign, CASES, name="sign", choices=CHOICES, mistakes=MODELS)


def test_expect_rules_names_the_one_model_that_gives_every_answer():
    text = failure(rules.expect_rules, lambda x: sign(x, strict=False), CASES, name="sign",
                   choices=CHOICES, mistakes=MODELS)
    assert "you used >= where the rule says >." in text and "For x = 0" in text


def test_expect_rules_reports_what_it_saw_when_no_model_fits():
    def odd(x):
        return "positive" if x < 0 else "not positive"

    text = failure(rules.expect_rules, odd, CASES, name="sign", choices=CHOICES,
                   mistakes=MODELS)
    assert "rule says" not in text and "flipped" not in text
    assert "For x = 1, sign returned 'not positive'; the rules give 'positive'. 1 > 0." in text
    assert "(2 of the 3 cases" in text


def test_expect_rules_names_nothing_when_two_models_agree():
    twins = {"first.": lambda x: sign(x, strict=False), "second.": lambda x: sign(x, False)}
    text = failure(rules.expect_rules, lambda x: sign(x, strict=False), CASES, name="sign",
                   choices=CHOICES, mistakes=twins)
    assert "first." not in text and "second." not in text


@pytest.mark.parametrize("answer, phrase", [(None, "forget the `return`"),
                                            ("Positive", "exactly one of 'positive'")])
def test_expect_rules_rejects_answers_outside_the_choices(answer, phrase):
    assert phrase in failure(rules.expect_rules, lambda x: answer, CASES, name="sign",
                             choices=CHOICES)


def test_the_diagnose_models_differ_from_the_rules():
    curve = [1.0, 0.8, 0.6, float("nan")]
    assert ex05._diagnose(curve) == "diverged"
    assert ex05.DIAGNOSE_MISTAKES["nan_compared"](curve) != "diverged"
    assert ex06._diagnose([1.0, 100.0, 1.0, 0.5]) == "exploding"
    assert ex06.DIAGNOSE_MISTAKES["ratio_over_last"]([1.0, 100.0, 1.0, 0.5]) == "healthy"
    assert ex06.DIAGNOSE_MISTAKES["ratio_over_last"]([1.0, 100.0, 1.0, 2.0]) == "exploding"


# -- expect_layer_grads --------------------------------------------------------------------
RNG = np.random.default_rng(0)
PARAMS = [(RNG.normal(size=(3, 4)), RNG.normal(size=4)), (RNG.normal(size=(4, 2)),
                                                          RNG.normal(size=2))]
X, Y = RNG.normal(size=(5, 3)), RNG.integers(0, 2, size=5)
_, REF = ex04.mlp_backprop(PARAMS, X, Y)


def test_expect_layer_grads_passes_the_reference_and_the_numpy_model():
    gradients.expect_layer_grads(REF, REF, name="mlp")
    gradients.expect_layer_grads(ex04.mlp_variant(PARAMS, X, Y, "none")[1], REF, name="mlp")


def test_expect_layer_grads_names_a_list_in_backward_order():
    assert "in backward order" in failure(gradients.expect_layer_grads, REF[::-1], REF,
                                          name="mlp")


def test_expect_layer_grads_names_a_modelled_mistake_only_when_every_array_matches():
    masked = ex04.mlp_variant(PARAMS, X, Y, "mask_on_gradient")[1]
    text = failure(gradients.expect_layer_grads, masked, REF, name="mlp",
                   mistakes={"mask from dA.": masked})
    assert "mask from dA." in text
    assert not np.allclose(masked[0][1], REF[0][1])  # the mask changes db of layer 1
    half = [(REF[0][0], masked[0][1]), REF[1]]  # ... but here dW of layer 1 is right
    text = failure(gradients.expect_layer_grads, half, REF, name="mlp",
                   mistakes={"mask from dA.": masked})
    assert "mask from dA." not in text and "db of layer 1" in text


@pytest.mark.parametrize("grads, phrase", [
    (None, "forget to return"),
    ("grads", "a list of (dW, db) pairs"),
    ([(np.zeros((3, 4)), np.zeros(4))], "returned 1 (dW, db) pairs for a network of 2 layers"),
])
def test_expect_layer_grads_explains_the_wrong_container(grads, phrase):
    assert phrase in failure(gradients.expect_layer_grads, grads, REF, name="mlp")


# -- expect_grad ---------------------------------------------------------------------------
G = np.arange(12.0).reshape(4, 3) - 5.0


def test_expect_grad_calls_a_mean_over_the_batch_a_mean():
    text = failure(checks.expect_grad, G.mean(axis=0), G.sum(axis=0), name="f", what="dgamma",
                   batch=4)
    assert "it is the mean over the batch" in text


def test_expect_grad_reports_the_gradient_check_when_no_mistake_explains():
    right = G.sum(axis=0)
    wrong = right + np.array([0.0, 1.0, 0.0])
    text = failure(checks.expect_grad, wrong, right, name="f", what="dbeta", numerical=right)
    assert "fails a gradient check" in text and "At index (1,)" in text


def test_expect_grad_unsummed_parameter_gradient_names_no_bias():
    text = failure(checks.expect_grad, G, G.sum(axis=0), name="f", what="dgamma")
    assert "one row per example" in text and "dgamma = (the per-row terms).sum(axis=0)" in text


# -- expect_spread and expect_in_place ------------------------------------------------------
def test_expect_spread_names_the_nearest_mistake():
    W = np.random.default_rng(1).normal(0.0, 0.1, size=(400, 100))
    text = failure(checks.expect_spread, W, name="he", shape=(400, 100), std=np.sqrt(2 / 400),
                   kind="normal", mistakes={"far.": 0.098, "near.": 0.1})
    assert "near." in text and "far." not in text


def test_expect_in_place_never_names_a_mistake_that_is_right_here():
    grads = [np.array([0.3, 0.4])]
    before = [g.copy() for g in grads]
    grads[0] *= 2.0
    text = failure(checks.expect_in_place, grads, grads, before, before, name="clip",
                   mistakes={"would be right here.": before, "doubled.": [2 * before[0]]})
    assert "doubled." in text and "would be right here." not in text


def test_the_batchnorm_models_match_gdlib_without_a_mistake():
    import gdlib

    x, g = RNG.normal(size=(6, 3)) * 2 + 1, RNG.normal(size=(6, 3))
    gamma = RNG.uniform(0.5, 2.0, size=3)
    layer = gdlib.nn.BatchNorm1d(3)
    layer.gamma[...] = gamma
    y = layer.forward(x)
    dx = layer.backward(g)
    ours = ex06.batchnorm_forward_variant(x, gamma, np.zeros(3), np.zeros(3), np.ones(3))
    np.testing.assert_allclose(ours[0], y, rtol=1e-12)
    np.testing.assert_allclose(ours[1:], [layer.running_mean, layer.running_var], rtol=1e-12)
    back = ex06.batchnorm_backward_variant(g, x, gamma)
    for a, b in zip(back, (dx, layer.dgamma, layer.dbeta), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    for mistake in ex06.BN_BACKWARD_MISTAKES:
        wrong = ex06.batchnorm_backward_variant(g, x, gamma, mistake=mistake)
        assert not all(np.allclose(a, b) for a, b in zip(wrong, (dx, layer.dgamma,
                                                                 layer.dbeta), strict=True))


def test_the_clipping_models_without_a_mistake_are_gdlib_and_each_mistake_differs():
    import gdlib

    grads = [np.array([[3.0, 0.0], [0.0, 4.0]]), np.array([12.0])]
    ref = [g.copy() for g in grads]
    norm = gdlib.clip.clip_grad_norm(ref, 1.0)
    ours, returned = ex06.clip_norm_variant(grads, 1.0)
    assert returned == pytest.approx(norm)
    for a, b in zip(ours, ref, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12)
    for mistake in set(ex06.CLIP_NORM_MISTAKES) - {"at_equality", "scaled_up", "no_epsilon"}:
        wrong, _ = ex06.clip_norm_variant(grads, 1.0, mistake)
        assert not all(np.allclose(a, b) for a, b in zip(wrong, ref, strict=True)), mistake
    ref_value = [g.copy() for g in grads]
    gdlib.clip.clip_grad_value(ref_value, 1.0)
    for a, b in zip(ex06.clip_value_variant(grads, 1.0), ref_value, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("mistake", ex04.MLP_MISTAKES)
def test_each_network_model_differs_from_the_reference(mistake):
    widths = [3, 3, 3, 2]
    params = [(RNG.normal(size=(a, b)), RNG.normal(size=b))
              for a, b in zip(widths, widths[1:], strict=False)]
    x, y = RNG.normal(size=(6, 3)), RNG.integers(0, 2, size=6)
    loss, ref = ex04.mlp_backprop(params, x, y)
    wrong_loss, wrong = ex04.mlp_variant(params, x, y, mistake)
    same = np.isclose(wrong_loss, loss) and all(
        np.shape(a) == np.shape(b) and np.allclose(a, b)
        for pa, pb in zip(wrong, ref, strict=True) for a, b in zip(pa, pb, strict=True))
    assert not same


class _NanRun(ex05.QuadraticRun):
    def __call__(self, lr):
        loss = super().__call__(lr)
        return float("nan") if lr > 0.05 else loss


RANGE_RUNS = [  # the runs of Exercise 5's test of the range test
    (lambda: ex05.QuadraticRun([1.0, 10.0], [1.0, 1.0]), dict(lr_min=1e-3, lr_max=5.0, steps=60)),
    (lambda: ex05.QuadraticRun([0.5, 2.0, 20.0], [1.0, -1.0, 0.5], seed=3),
     dict(lr_min=1e-4, lr_max=10.0, steps=50, beta=0.5, explode=2.0)),
    (lambda: _NanRun([1.0, 2.0], [1.0, 1.0]), dict(lr_min=1e-3, lr_max=1.0, steps=40)),
]


def test_the_range_test_model_stops_where_the_loss_explodes():
    lrs, smooth = ex05.range_test(RANGE_RUNS[0][0](), **RANGE_RUNS[0][1])
    assert len(lrs) < 60 and lrs[0] == pytest.approx(1e-3)
    assert smooth[-1] > 4.0 * smooth.min()


@pytest.mark.parametrize("mistake", ex05.RANGE_TEST_MISTAKES)
def test_each_range_test_mistake_shows_on_some_run_of_the_test(mistake):
    def differs(make, kwargs):
        lrs, smooth = ex05.range_test(make(), **kwargs)
        m_lrs, m_s = ex05.range_test(make(), mistake=mistake, **kwargs)
        return m_lrs.shape != lrs.shape or not np.allclose(m_lrs, lrs) \
            or not np.allclose(m_s, smooth, equal_nan=True)

    assert any(differs(make, kwargs) for make, kwargs in RANGE_RUNS)
