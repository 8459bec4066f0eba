"""The checks of gradients, weights and choices in-process: each fires on its mistake only."""

from __future__ import annotations

import numpy as np
import pytest

import gdlib
from gdcourse.learner import checks, checks_extra


def failure(func, *args, **kwargs) -> str:
    with pytest.raises(checks.CheckFailed) as err:
        func(*args, **kwargs)
    return str(err.value)


# -- expect_grad ---------------------------------------------------------------------------
G = np.arange(12.0).reshape(4, 3) - 5.0  # dJ/dy, (N, H) = (4, 3)
X = np.linspace(-1.0, 1.0, 8).reshape(4, 2)  # (N, D) = (4, 2)


def test_expect_grad_passes_a_correct_gradient():
    checks_extra.expect_grad(X.T @ G, X.T @ G, name="f", what="dW")
    checks_extra.expect_grad(G.sum(axis=0), G.sum(axis=0), name="f", what="db")


def test_expect_grad_explains_an_unsummed_bias_gradient():
    text = failure(checks_extra.expect_grad, G, G.sum(axis=0), name="f", what="db")
    assert "one row per example" in text and ".sum(axis=0)" in text


def test_expect_grad_explains_a_transposed_weight_gradient():
    text = failure(checks_extra.expect_grad, G.T @ X, X.T @ G, name="f", what="dW")
    assert "it is transposed" in text and "x.T @ (dJ/dy)" in text


def test_expect_grad_falls_back_to_expect_array():
    assert "off by a factor of N = 4" in failure(
        checks_extra.expect_grad, 4 * X.T @ G, X.T @ G, name="f", what="dW", batch=4)
    assert "forget to return" in failure(checks_extra.expect_grad, None, G, name="f", what="dW")


# -- expect_in_place -----------------------------------------------------------------------
def run_clip(func, grads, max_norm=1.0):
    originals, before = list(grads), [g.copy() for g in grads]
    func(grads, max_norm)
    ref = [g.copy() for g in before]
    gdlib.clip.clip_grad_norm(ref, max_norm)
    per_array = [g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6)) for g in before]
    checks_extra.expect_in_place(grads, originals, before, ref, name="clip",
                                 mistakes={"per array.": per_array})


def grads():
    return [np.array([[3.0, 0.0], [0.0, 4.0]]), np.array([12.0])]


def test_expect_in_place_passes_in_place_clipping():
    run_clip(gdlib.clip.clip_grad_norm, grads())


def rebinds(gs, max_norm):
    for g in gs:
        g = g * 0.5  # noqa: F841 (the mistake: a new local array)


def replaces(gs, max_norm):
    for i, g in enumerate(gs):
        gs[i] = g / 13.0


def per_array(gs, max_norm):
    for g in gs:
        g /= np.linalg.norm(g)


def shortens(gs, max_norm):
    gs.pop()


@pytest.mark.parametrize("func, phrase", [
    (rebinds, "left the gradient arrays unchanged"),
    (replaces, "put new arrays into the list"),
    (per_array, "clip: per array."),
    (shortens, "changed the length of the list"),
])
def test_expect_in_place_recognises_each_mistake(func, phrase):
    assert phrase in failure(run_clip, func, grads())


def test_expect_in_place_accepts_arrays_that_need_no_change():
    small = [np.array([0.1, 0.2])]
    run_clip(lambda gs, m: None, small)


# -- expect_spread -------------------------------------------------------------------------
RNG = np.random.default_rng(0)
STD = np.sqrt(2.0 / 400)


def spread(W, **kw):
    checks_extra.expect_spread(W, name="init", shape=(300, 100), std=STD, kind="uniform",
                               mistakes={"fan_in only.": np.sqrt(2.0 / 300)}, **kw)


def test_expect_spread_passes_the_reference():
    spread(gdlib.init.xavier_uniform(300, 100, RNG))
    checks_extra.expect_spread(gdlib.init.he_normal(400, 100, RNG), name="he",
                               shape=(400, 100), std=np.sqrt(2 / 400), kind="normal")


@pytest.mark.parametrize("W, phrase", [
    (RNG.uniform(-np.sqrt(6 / 300), np.sqrt(6 / 300), (300, 100)), "init: fan_in only."),
    (RNG.normal(0.0, STD, (300, 100)), "look normally distributed"),
    (RNG.uniform(-0.01, 0.01, (300, 100)), "prescribes 0.07071"),
    (RNG.uniform(-0.1, 0.1, (100, 300)), "expected (300, 100)"),
    (np.zeros((300, 100)), "must be random"),
    (RNG.uniform(0.0, 2 * STD * np.sqrt(3), (300, 100)), "centred on 0"),
    (None, "forget the `return`"),
])
def test_expect_spread_recognises_each_mistake(W, phrase):
    assert phrase in failure(spread, W)


def test_expect_spread_tells_normal_from_uniform():
    a = np.sqrt(3.0) * 0.05
    text = failure(checks_extra.expect_spread, RNG.uniform(-a, a, (300, 100)), name="he",
                   shape=(300, 100), std=0.05, kind="normal")
    assert "look uniformly distributed" in text


# -- expect_choice -------------------------------------------------------------------------
def test_expect_choice():
    choices = ("good", "divergent")
    checks_extra.expect_choice("good", "good", name="f", choices=choices)
    assert "exactly one of 'good', 'divergent'" in failure(
        checks_extra.expect_choice, "Good", "good", name="f", choices=choices)
    text = failure(checks_extra.expect_choice, "good", "divergent", name="f", choices=choices,
                   case="a NaN loss", why={"good": "NaN means it diverged."})
    assert "for a NaN loss" in text and "NaN means it diverged." in text
    # without an explanation, only what was observed: no advice that guesses a cause
    assert failure(checks_extra.expect_choice, "good", "divergent", name="f",
                   choices=choices) == "f returned 'good', but the answer is 'divergent'."
    assert "forget the `return`" in failure(checks_extra.expect_choice, None, "good",
                                            name="f", choices=choices)
