"""Tests for gdlib.schedules: values worked out by hand, monotonicity, hand-over, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib.optim import SGD
from gdlib.schedules import (
    Constant,
    CosineAnnealing,
    ExponentialDecay,
    LinearWarmup,
    Schedule,
    StepDecay,
)

RTOL = 1e-12  # hand values are exact up to float64 round-off
Q = math.sqrt(2) / 4  # ½ cos(π/4)

HAND_VALUES = [
    # (schedule, {step: lr worked out by hand})
    (Constant(0.1), {0: 0.1, 1: 0.1, 10**6: 0.1}),
    # η γ^⌊k/3⌋ with η = 0.1, γ = 0.5
    (
        StepDecay(0.1, step_size=3, gamma=0.5),
        {0: 0.1, 2: 0.1, 3: 0.05, 5: 0.05, 6: 0.025, 9: 0.0125},
    ),
    (StepDecay(2.0, step_size=1), {0: 2.0, 1: 0.2, 2: 0.02}),  # default γ = 0.1
    (StepDecay(0.3, step_size=2, gamma=1.0), {0: 0.3, 7: 0.3}),  # γ = 1: constant
    # η γ^k
    (ExponentialDecay(1.0, gamma=0.5), {0: 1.0, 1: 0.5, 3: 0.125}),
    (ExponentialDecay(0.2, gamma=0.9), {0: 0.2, 2: 0.162}),
    # ½ η (1 + cos(πk/4)), K = 4: 1, ½ + √2/4, ½, ½ - √2/4, then 0 for k ≥ 4
    (CosineAnnealing(1.0, total_steps=4), {0: 1.0, 1: 0.5 + Q, 2: 0.5, 3: 0.5 - Q, 4: 0.0, 9: 0.0}),
    # η_min + ½ (η - η_min)(1 + cos(πk/2)) with η = 1, η_min = 0.2, K = 2: 1, 0.6, then 0.2
    (CosineAnnealing(1.0, total_steps=2, min_lr=0.2), {0: 1.0, 1: 0.6, 2: 0.2, 5: 0.2}),
    # η (k + 1)/W with W = 4, then η
    (LinearWarmup(1.0, warmup_steps=4), {0: 0.25, 1: 0.5, 2: 0.75, 3: 1.0, 4: 1.0, 100: 1.0}),
    (LinearWarmup(0.3, warmup_steps=1), {0: 0.3, 1: 0.3}),  # W = 1: no ramp
    # after warm-up, ExponentialDecay starts at its own step 0: k = 4 → 1, k = 5 → 0.5, ...
    (
        LinearWarmup(1.0, 4, after=ExponentialDecay(1.0, 0.5)),
        {0: 0.25, 3: 1.0, 4: 1.0, 5: 0.5, 6: 0.25},
    ),
    # warm-up then cosine over 4 steps: k = 4 + j uses the cosine's step j
    (
        LinearWarmup(1.0, 2, after=CosineAnnealing(1.0, 4)),
        {0: 0.5, 1: 1.0, 2: 1.0, 3: 0.5 + Q, 4: 0.5, 5: 0.5 - Q, 6: 0.0},
    ),
]


@pytest.mark.parametrize(("schedule", "expected"), HAND_VALUES, ids=lambda x: repr(x)[:40])
def test_values_match_hand_computation(schedule, expected):
    for step, lr in expected.items():
        got = schedule(step)
        assert isinstance(got, float)
        np.testing.assert_allclose(got, lr, rtol=RTOL, atol=1e-15, err_msg=f"step {step}")


def test_numpy_integer_steps_are_accepted():
    assert StepDecay(1.0, 2, 0.5)(np.int64(4)) == 0.25


@settings(max_examples=50, deadline=None)
@given(
    lr=st.floats(1e-4, 10.0),
    gamma=st.floats(0.05, 1.0),
    step_size=st.integers(1, 10),
    total=st.integers(1, 50),
    min_frac=st.floats(0.0, 1.0),
)
def test_decaying_schedules_are_non_increasing_and_bounded(lr, gamma, step_size, total, min_frac):
    for schedule, floor in [
        (StepDecay(lr, step_size, gamma), 0.0),
        (ExponentialDecay(lr, gamma), 0.0),
        (CosineAnnealing(lr, total, min_lr=min_frac * lr), min_frac * lr),
    ]:
        values = np.array([schedule(k) for k in range(60)])
        assert values[0] == pytest.approx(lr, rel=1e-12)
        assert np.all(np.diff(values) <= 1e-15 * lr), repr(schedule)
        assert np.all(values >= floor * (1 - 1e-12)) and np.all(values <= lr * (1 + 1e-12))


@settings(max_examples=50, deadline=None)
@given(lr=st.floats(1e-4, 10.0), warmup=st.integers(1, 30))
def test_warmup_ramps_strictly_up_to_lr_then_holds(lr, warmup):
    schedule = LinearWarmup(lr, warmup)
    values = np.array([schedule(k) for k in range(warmup + 5)])
    assert np.all(np.diff(values[:warmup]) > 0)
    assert values[0] == pytest.approx(lr / warmup, rel=1e-12)
    np.testing.assert_allclose(values[warmup - 1 :], lr, rtol=1e-12)


def test_cosine_run_of_total_steps_never_uses_zero():
    schedule = CosineAnnealing(0.1, total_steps=50)
    assert min(schedule(k) for k in range(50)) > 0


def test_repr_names_the_arguments():
    assert repr(StepDecay(0.1, 3)) == "StepDecay(lr=0.1, step_size=3, gamma=0.1)"
    assert "after=Constant(lr=0.5)" in repr(LinearWarmup(0.5, 2, after=Constant(0.5)))


# --- plugging into an optimizer ----------------------------------------------------------


def test_scheduled_sgd_matches_product_of_factors():
    # J(θ) = ½θ², g = θ, so θ_K = θ_0 Π_k (1 - η_k); with η_k = 0.5^(k+1): (1 - ½)(1 - ¼)(1 - ⅛)
    theta = np.array([1.0, -2.0])
    opt = SGD([theta], lr=1.0)
    schedule = ExponentialDecay(0.5, gamma=0.5)
    for k in range(3):
        opt.lr = schedule(k)
        opt.step([theta.copy()])
    np.testing.assert_allclose(theta, np.array([1.0, -2.0]) * 0.5 * 0.75 * 0.875, rtol=RTOL)


def test_a_schedule_that_reaches_zero_is_refused_at_the_step_that_uses_it():
    theta = np.ones(2)
    opt = SGD([theta], lr=1.0)
    schedule = CosineAnnealing(0.1, total_steps=4)  # min_lr = 0 from k = 4 on
    with pytest.raises(ValueError, match="at step 5; if a schedule sets opt.lr"):
        for k in range(6):
            opt.lr = schedule(k)
            opt.step([np.ones(2)])
    assert opt.t == 4


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "exc", "match"),
    [
        (lambda: Constant(0.0), ValueError, "lr must be positive"),
        (lambda: Constant(-1.0), ValueError, "lr must be positive"),
        (lambda: Constant(float("nan")), ValueError, "lr must be positive"),
        (lambda: Constant("0.1"), TypeError, "lr must be a real number"),
        (lambda: StepDecay(0.1, 0), ValueError, "step_size must be a positive integer"),
        (lambda: StepDecay(0.1, 2.0), TypeError, "step_size must be a positive integer"),
        (lambda: StepDecay(0.1, 2, gamma=0.0), ValueError, "gamma must be positive"),
        (lambda: StepDecay(0.1, 2, gamma=1.5), ValueError, r"gamma must be in \(0, 1\]"),
        (lambda: ExponentialDecay(0.1, -0.5), ValueError, "gamma must be positive"),
        (lambda: ExponentialDecay(0.1, 2.0), ValueError, r"gamma must be in \(0, 1\]"),
        (lambda: ExponentialDecay(0.0, 0.5), ValueError, "lr must be positive"),
        (lambda: CosineAnnealing(0.1, 0), ValueError, "total_steps must be a positive"),
        (lambda: CosineAnnealing(0.1, 10, min_lr=-0.01), ValueError, "min_lr must be non-neg"),
        (lambda: CosineAnnealing(0.1, 10, min_lr=0.2), ValueError, "must not exceed lr"),
        (lambda: LinearWarmup(0.1, 0), ValueError, "warmup_steps must be a positive"),
        (lambda: LinearWarmup(0.1, True), TypeError, "warmup_steps must be a positive"),
        (lambda: LinearWarmup(0.1, 5, after=0.01), TypeError, "after must be a schedule"),
    ],
)
def test_bad_constructor_arguments(make, exc, match):
    with pytest.raises(exc, match=match):
        make()


@pytest.mark.parametrize(
    ("step", "exc", "match"),
    [
        (-1, ValueError, "step must be non-negative"),
        (1.0, TypeError, "step must be an integer, got float"),
        (True, TypeError, "step must be an integer, got bool"),
        ("3", TypeError, "step must be an integer"),
    ],
)
@pytest.mark.parametrize(
    "schedule",
    [Constant(0.1), StepDecay(0.1, 2), ExponentialDecay(0.1, 0.9), CosineAnnealing(0.1, 5)]
    + [LinearWarmup(0.1, 3)],
    ids=lambda s: type(s).__name__,
)
def test_bad_steps(schedule, step, exc, match):
    with pytest.raises(exc, match=match):
        schedule(step)


def test_base_class_has_no_rule():
    with pytest.raises(NotImplementedError):
        Schedule()(0)


# --- optional cross-check against torch.optim.lr_scheduler ---------------------------------


@pytest.mark.parametrize(
    ("ours", "torch_name", "kwargs"),
    [
        (StepDecay(0.1, 3, gamma=0.5), "StepLR", {"step_size": 3, "gamma": 0.5}),
        (ExponentialDecay(0.1, 0.9), "ExponentialLR", {"gamma": 0.9}),
        (
            CosineAnnealing(0.1, 10, min_lr=0.01),
            "CosineAnnealingLR",
            {"T_max": 10, "eta_min": 0.01},
        ),
    ],
    ids=["step", "exponential", "cosine"],
)
def test_matches_torch_lr_scheduler(ours, torch_name, kwargs):
    torch = pytest.importorskip("torch")
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    scheduler = getattr(torch.optim.lr_scheduler, torch_name)(opt, **kwargs)
    for k in range(11):  # cosine: torch rises again after T_max, ours stays at min_lr
        assert ours(k) == pytest.approx(scheduler.get_last_lr()[0], rel=1e-12), f"step {k}"
        opt.step()
        scheduler.step()
