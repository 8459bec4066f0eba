"""Tests for gdlib.optim: hand-worked steps, convergence theory, in-place contract, bad input.

Every hand-worked case uses the quadratic J(θ) = ½ θᵀAθ with A = [[2, 1], [1, 2]]
(eigenvalues 1 and 3, so L = 3 and plain GD is stable for η < 2/3), gradient g = Aθ,
and θ_0 = (1, 0). A is not diagonal on purpose: on a diagonal A the adaptive methods are
invariant to rescaling each coordinate, which would hide a wrong weight-decay term.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from gdlib.optim import SGD, AdaGrad, Adam, AdamW, Optimizer, RMSprop

A = np.array([[2.0, 1.0], [1.0, 2.0]])
THETA0 = np.array([1.0, 0.0])
RTOL = 1e-12  # hand values are exact up to float64 round-off
RTOL_ADAPTIVE = 1e-9  # expected values ignore ε = 1e-12 in the denominators
R10 = np.sqrt(10.0)


def grad(theta: np.ndarray) -> np.ndarray:
    return A @ theta  # ∇J(θ) = Aθ


def run(opt_factory, n_steps: int) -> list[np.ndarray]:
    theta = THETA0.copy()
    opt = opt_factory([theta])
    path = []
    for _ in range(n_steps):
        opt.step([grad(theta)])
        path.append(theta.copy())
    return path


# --- RMSprop by hand (η = 0.1, α = 0.9) -------------------------------------------------
# g_1 = (2, 1), s_1 = 0.1 g_1² = (0.4, 0.1), g_1/√s_1 = (√10, √10)
# θ_1 = (1 - 0.1√10, -0.1√10)
# g_2 = Aθ_1 = (2 - 0.3√10, 1 - 0.3√10), s_2 = 0.9 s_1 + 0.1 g_2²
_rms_g2 = np.array([2 - 0.3 * R10, 1 - 0.3 * R10])
_rms_s2 = 0.9 * np.array([0.4, 0.1]) + 0.1 * _rms_g2**2
_rms_th1 = np.array([1 - 0.1 * R10, -0.1 * R10])
_rms_d2 = _rms_g2 / np.sqrt(_rms_s2)
# momentum μ = 0.5: v_1 = (√10, √10), v_2 = 0.5 v_1 + g_2/√s_2, θ_2 = θ_1 - 0.1 v_2


# --- Adam by hand (η = 0.1, β = (0.9, 0.999)) --------------------------------------------
# step 1: m̂_1 = g_1, ŝ_1 = g_1², so θ_1 = θ_0 - 0.1 sign(g_1) = (0.9, -0.1)
# no weight decay: g_2 = Aθ_1 = (1.7, 0.7)
#   m_2 = 0.9·0.1·(2, 1) + 0.1·(1.7, 0.7) = (0.35, 0.16);         m̂_2 = m_2 / (1 - 0.81)
#   s_2 = 0.999·0.001·(4, 1) + 0.001·(2.89, 0.49) = (0.006886, 0.001489); ŝ_2 = s_2 / 0.001999
# L2 weight decay ω = 0.5: g'_t = (A + 0.5 I)θ, g'_1 = (2.5, 1), g'_2 = (2.15, 0.65)
#   m_2 = 0.09·(2.5, 1) + 0.1·(2.15, 0.65) = (0.44, 0.155)
#   s_2 = 0.000999·(6.25, 1) + 0.001·(4.6225, 0.4225) = (0.01086625, 0.0014215)
# AdamW, decoupled ω = 0.5: θ shrinks by (1 - ηω) = 0.95 before each Adam step on g_t = Aθ_{t-1}
#   step 1: 0.95·θ_0 = (0.95, 0), then -0.1 sign(g_1): θ_1 = (0.85, -0.1)
#   step 2: g_2 = Aθ_1 = (1.6, 0.65); 0.95·θ_1 = (0.8075, -0.095)
#   m_2 = 0.09·(2, 1) + 0.1·(1.6, 0.65) = (0.34, 0.155)
#   s_2 = 0.000999·(4, 1) + 0.001·(2.56, 0.4225) = (0.006556, 0.0014215)
def _adam2(m2, s2, start=(0.9, -0.1)):
    m_hat, s_hat = np.array(m2) / 0.19, np.array(s2) / 0.001999
    return np.array(start) - 0.1 * m_hat / np.sqrt(s_hat)


HAND_CASES = {
    # g_1 = (2, 1), θ_1 = (0.8, -0.1); g_2 = (1.5, 0.6), θ_2 = (0.65, -0.16);
    # g_3 = (1.14, 0.33), θ_3 = (0.536, -0.193)
    "sgd": (
        lambda p: SGD(p, lr=0.1),
        [[0.8, -0.1], [0.65, -0.16], [0.536, -0.193]],
        RTOL,
    ),
    # v_1 = g_1 = (2, 1), θ_1 = (0.8, -0.1); g_2 = (1.5, 0.6), v_2 = (2.5, 1.1),
    # θ_2 = (0.55, -0.21); g_3 = (0.89, 0.13), v_3 = (2.14, 0.68), θ_3 = (0.336, -0.278)
    "sgd_momentum": (
        lambda p: SGD(p, lr=0.1, momentum=0.5),
        [[0.8, -0.1], [0.55, -0.21], [0.336, -0.278]],
        RTOL,
    ),
    # v_1 = (2, 1), g_1 + μv_1 = (3, 1.5), θ_1 = (0.7, -0.15); g_2 = (1.25, 0.4),
    # v_2 = (2.25, 0.9), g_2 + μv_2 = (2.375, 0.85), θ_2 = (0.4625, -0.235);
    # g_3 = (0.69, -0.0075), v_3 = (1.815, 0.4425), g_3 + μv_3 = (1.5975, 0.21375),
    # θ_3 = (0.30275, -0.256375)
    "sgd_nesterov": (
        lambda p: SGD(p, lr=0.1, momentum=0.5, nesterov=True),
        [[0.7, -0.15], [0.4625, -0.235], [0.30275, -0.256375]],
        RTOL,
    ),
    # g' = (A + 0.5 I)θ: g'_1 = (2.5, 1), θ_1 = (0.75, -0.1); g'_2 = (1.775, 0.5),
    # θ_2 = (0.5725, -0.15); g'_3 = (1.28125, 0.1975), θ_3 = (0.444375, -0.16975)
    "sgd_weight_decay": (
        lambda p: SGD(p, lr=0.1, weight_decay=0.5),
        [[0.75, -0.1], [0.5725, -0.15], [0.444375, -0.16975]],
        RTOL,
    ),
    # v_1 = g'_1 = (2.5, 1), θ_1 = (0.75, -0.1); g'_2 = (1.775, 0.5), v_2 = (3.025, 1),
    # θ_2 = (0.4475, -0.2)
    "sgd_momentum_weight_decay": (
        lambda p: SGD(p, lr=0.1, momentum=0.5, weight_decay=0.5),
        [[0.75, -0.1], [0.4475, -0.2]],
        RTOL,
    ),
    # v_1 = (2.5, 1), g'_1 + μv_1 = (3.75, 1.5), θ_1 = (0.625, -0.15); g'_2 = (1.4125, 0.25),
    # v_2 = (2.6625, 0.75), g'_2 + μv_2 = (2.74375, 0.625), θ_2 = (0.350625, -0.2125)
    "sgd_nesterov_weight_decay": (
        lambda p: SGD(p, lr=0.1, momentum=0.5, nesterov=True, weight_decay=0.5),
        [[0.625, -0.15], [0.350625, -0.2125]],
        RTOL,
    ),
    # s_1 = (4, 1), g_1/√s_1 = (1, 1), θ_1 = (0.9, -0.1); g_2 = (1.7, 0.7),
    # s_2 = (6.89, 1.49), θ_2 = θ_1 - 0.1 g_2/√s_2
    "adagrad": (
        lambda p: AdaGrad(p, lr=0.1, eps=1e-12),
        [[0.9, -0.1], [0.9 - 0.17 / np.sqrt(6.89), -0.1 - 0.07 / np.sqrt(1.49)]],
        RTOL_ADAPTIVE,
    ),
    "rmsprop": (
        lambda p: RMSprop(p, lr=0.1, alpha=0.9, eps=1e-12),
        [_rms_th1, _rms_th1 - 0.1 * _rms_d2],
        RTOL_ADAPTIVE,
    ),
    "rmsprop_momentum": (
        lambda p: RMSprop(p, lr=0.1, alpha=0.9, eps=1e-12, momentum=0.5),
        [_rms_th1, _rms_th1 - 0.1 * (0.5 * R10 + _rms_d2)],
        RTOL_ADAPTIVE,
    ),
    "adam": (
        lambda p: Adam(p, lr=0.1, eps=1e-12),
        [[0.9, -0.1], _adam2([0.35, 0.16], [0.006886, 0.001489])],
        RTOL_ADAPTIVE,
    ),
    "adam_weight_decay": (
        lambda p: Adam(p, lr=0.1, eps=1e-12, weight_decay=0.5),
        [[0.9, -0.1], _adam2([0.44, 0.155], [0.01086625, 0.0014215])],
        RTOL_ADAPTIVE,
    ),
    "adamw": (
        lambda p: AdamW(p, lr=0.1, eps=1e-12, weight_decay=0.5),
        [[0.85, -0.1], _adam2([0.34, 0.155], [0.006556, 0.0014215], start=(0.8075, -0.095))],
        RTOL_ADAPTIVE,
    ),
}


@pytest.mark.parametrize("name", list(HAND_CASES))
def test_steps_match_hand_computation(name):
    factory, expected, rtol = HAND_CASES[name]
    path = run(factory, len(expected))
    for t, (got, want) in enumerate(zip(path, expected, strict=True), start=1):
        np.testing.assert_allclose(got, want, rtol=rtol, atol=1e-15, err_msg=f"step {t}")


# ε = 1 makes its place visible: all three add ε to the square root, as torch does.
# g_1 = (2, 1); AdaGrad s_1 = (4, 1), Adam ŝ_1 = g_1² = (4, 1): θ_1 = -0.1·(2/(2+1), 1/(1+1))
# RMSprop (α = 0.9) s_1 = (0.4, 0.1): θ_1 = θ_0 - 0.1·(2/(√0.4 + 1), 1/(√0.1 + 1))
@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (lambda p: AdaGrad(p, lr=0.1, eps=1.0), [1 - 0.2 / 3, -0.05]),
        (lambda p: Adam(p, lr=0.1, eps=1.0), [1 - 0.2 / 3, -0.05]),
        (
            lambda p: RMSprop(p, lr=0.1, alpha=0.9, eps=1.0),
            [1 - 0.2 / (np.sqrt(0.4) + 1), -0.1 / (np.sqrt(0.1) + 1)],
        ),
    ],
    ids=["adagrad", "adam", "rmsprop"],
)
def test_eps_is_added_outside_the_square_root(factory, expected):
    np.testing.assert_allclose(run(factory, 1)[0], expected, rtol=RTOL)


# A hand case proves something only if a plausible wrong rule misses it: each of these
# optimizers gets one term wrong (decay ignored, or L2 where decoupled is due, or vice versa).
WRONG_RULES = [
    ("sgd_weight_decay", lambda p: SGD(p, lr=0.1)),
    ("sgd_momentum", lambda p: SGD(p, lr=0.1, momentum=0.5, nesterov=True)),
    ("adam_weight_decay", lambda p: Adam(p, lr=0.1, eps=1e-12)),
    ("adam_weight_decay", lambda p: AdamW(p, lr=0.1, eps=1e-12, weight_decay=0.5)),
    ("adamw", lambda p: Adam(p, lr=0.1, eps=1e-12, weight_decay=0.5)),
    ("adamw", lambda p: AdamW(p, lr=0.1, eps=1e-12, weight_decay=0.0)),
    ("rmsprop_momentum", lambda p: RMSprop(p, lr=0.1, alpha=0.9, eps=1e-12)),
]


@pytest.mark.parametrize(("name", "wrong"), WRONG_RULES, ids=[n for n, _ in WRONG_RULES])
def test_hand_cases_catch_a_wrong_rule(name, wrong):
    _, expected, rtol = HAND_CASES[name]
    path = run(wrong, len(expected))
    pairs = zip(path, expected, strict=True)
    assert not all(np.allclose(got, want, rtol=rtol, atol=1e-15) for got, want in pairs)


# --- convergence where theory promises it -----------------------------------------------


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.99])
def test_gd_converges_below_two_over_L(fraction):
    # GD on a convex quadratic: θ_t = (I - ηA)^t θ_0 → 0 when max|1 - ηλ_i| < 1, i.e. η < 2/L
    lr = fraction * 2 / 3
    path = run(lambda p: SGD(p, lr=lr), 2000)
    assert np.linalg.norm(path[-1]) < 1e-10


@pytest.mark.parametrize("lr", [0.7, 0.8])
def test_gd_diverges_above_two_over_L(lr):
    # the eigen-direction (1, 1)/√2 of λ = 3 grows by |1 - 3η| > 1 every step
    path = run(lambda p: SGD(p, lr=lr), 100)
    norms = np.linalg.norm(path, axis=1)
    assert norms[-1] > 1e3 * np.linalg.norm(THETA0)
    assert np.all(np.diff(norms[20:]) > 0)


def test_heavy_ball_momentum_extends_stable_range():
    # heavy ball on a quadratic converges iff 0 < η < 2(1 + μ)/L; η = 0.9 > 2/L but < 1
    assert np.linalg.norm(run(lambda p: SGD(p, lr=0.9, momentum=0.5), 2000)[-1]) < 1e-10
    norms = np.linalg.norm(run(lambda p: SGD(p, lr=1.05, momentum=0.5), 300), axis=1)
    assert norms[-1] > 1e3


# --- the in-place contract, lr as an attribute, step counter -----------------------------

ALL_FACTORIES = {
    "sgd": lambda p: SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.1),
    "adagrad": lambda p: AdaGrad(p, lr=0.1),
    "rmsprop": lambda p: RMSprop(p, lr=0.1, momentum=0.9),
    "adam": lambda p: Adam(p, lr=0.1, weight_decay=0.1),
    "adamw": lambda p: AdamW(p, lr=0.1),
}


@pytest.mark.parametrize("name", list(ALL_FACTORIES))
def test_step_updates_params_in_place_and_leaves_grads_alone(name):
    W, b = np.ones((3, 2)), np.zeros(2)
    ids = (id(W), id(b))
    opt = ALL_FACTORIES[name]([W, b])
    grads = [np.full((3, 2), 0.5), np.array([1.0, -1.0])]
    before = [g.copy() for g in grads]
    opt.step(grads)
    assert opt.params[0] is W and opt.params[1] is b and (id(W), id(b)) == ids
    assert not np.allclose(W, 1.0) and not np.allclose(b, 0.0)
    for g, g0 in zip(grads, before, strict=True):
        np.testing.assert_array_equal(g, g0)
    assert opt.t == 1
    opt.step(grads)
    assert opt.t == 2


def test_changing_lr_between_steps_takes_effect():
    theta = THETA0.copy()
    opt = SGD([theta], lr=0.1)
    opt.step([grad(theta)])  # θ_1 = (0.8, -0.1)
    opt.lr = 0.01
    opt.step([grad(theta)])  # g_2 = (1.5, 0.6), θ_2 = (0.785, -0.106)
    np.testing.assert_allclose(theta, [0.785, -0.106], rtol=RTOL)


def test_params_may_be_any_iterable_and_repr_is_readable():
    theta = np.zeros(2)
    opt = Adam(p for p in [theta])
    assert opt.params[0] is theta
    assert repr(opt) == "Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, t=0)"
    assert repr(SGD([theta], lr=0.5)) == (
        "SGD(lr=0.5, momentum=0.0, nesterov=False, weight_decay=0.0, t=0)"
    )
    opt = AdamW([theta])
    assert (opt.lr, opt.betas, opt.eps, opt.weight_decay) == (0.001, (0.9, 0.999), 1e-8, 0.01)


def test_state_holds_torch_named_buffers():
    theta = THETA0.copy()
    opt = Adam([theta], lr=0.1)
    opt.step([grad(theta)])
    np.testing.assert_allclose(opt.state["exp_avg"][0], [0.2, 0.1], rtol=RTOL)  # 0.1 g_1
    np.testing.assert_allclose(opt.state["exp_avg_sq"][0], [0.004, 0.001], rtol=RTOL)
    assert SGD([theta], lr=0.1).state == {}
    assert set(SGD([theta], lr=0.1, momentum=0.5).state) == {"momentum_buffer"}
    assert set(AdaGrad([theta]).state) == {"sum"}
    assert set(RMSprop([theta]).state) == {"square_avg"}
    assert set(RMSprop([theta], momentum=0.5).state) == {"square_avg", "momentum_buffer"}
    assert set(AdamW([theta]).state) == {"exp_avg", "exp_avg_sq"}


@pytest.mark.parametrize("name", list(ALL_FACTORIES))
def test_float32_params_keep_float32_state_and_match_float64(name):
    rng = np.random.default_rng(0)
    theta64 = rng.normal(size=(4, 3))
    theta32 = theta64.astype(np.float32)
    opt64, opt32 = ALL_FACTORIES[name]([theta64]), ALL_FACTORIES[name]([theta32])
    for _ in range(5):
        g = rng.normal(size=(4, 3))  # float64 grads: converted to the param's dtype
        opt64.step([g])
        opt32.step([g])
    assert theta32.dtype == np.float32
    assert all(a.dtype == np.float32 for arrays in opt32.state.values() for a in arrays)
    np.testing.assert_allclose(theta32, theta64, rtol=1e-5, atol=1e-6)


@settings(max_examples=30, deadline=None)
@given(
    theta=arrays(np.float64, array_shapes(max_dims=3, max_side=4), elements=st.floats(-5, 5)),
    lr=st.floats(1e-3, 1.0),
)
def test_first_steps_on_random_shapes(theta, lr):
    g = np.cos(3 * theta) + 2.0  # any gradient with |g| ≥ 1, same shape as θ
    p_sgd, p_adam, p_ada = theta.copy(), theta.copy(), theta.copy()
    SGD([p_sgd], lr=lr).step([g])
    Adam([p_adam], lr=lr).step([g])
    AdaGrad([p_ada], lr=lr).step([g])
    np.testing.assert_allclose(p_sgd, theta - lr * g, rtol=1e-12, atol=1e-12)
    # Adam's and AdaGrad's first steps are η·sign(g) up to ε
    np.testing.assert_allclose(p_adam, theta - lr * np.sign(g), rtol=1e-7, atol=1e-7)
    np.testing.assert_allclose(p_ada, theta - lr * np.sign(g), rtol=1e-7, atol=1e-7)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "exc", "match"),
    [
        (lambda: SGD(np.zeros(2), lr=0.1), TypeError, r"wrap a single array as \[theta\]"),
        (lambda: SGD([], lr=0.1), ValueError, "params is empty"),
        (lambda: SGD([np.zeros(2, dtype=int)], lr=0.1), TypeError, "integer params cannot"),
        (lambda: SGD([[0.0, 1.0]], lr=0.1), TypeError, "param 0 must be a float numpy array"),
        (lambda: SGD([np.zeros(2)], lr=0.0), ValueError, "lr must be positive"),
        (lambda: SGD([np.zeros(2)], lr=-1.0), ValueError, "lr must be positive"),
        (lambda: SGD([np.zeros(2)], lr=float("inf")), ValueError, "lr must be positive"),
        (lambda: SGD([np.zeros(2)], lr="0.1"), TypeError, "lr must be a real number"),
        (lambda: SGD([np.zeros(2)], lr=0.1, momentum=1.0), ValueError, "momentum must be in"),
        (lambda: SGD([np.zeros(2)], lr=0.1, momentum=-0.1), ValueError, "momentum must be in"),
        (lambda: SGD([np.zeros(2)], lr=0.1, nesterov=True), ValueError, "requires momentum"),
        (
            lambda: SGD([np.zeros(2)], lr=0.1, weight_decay=-1e-4),
            ValueError,
            "weight_decay must be non-negative",
        ),
        (lambda: AdaGrad([np.zeros(2)], eps=0.0), ValueError, "eps must be positive"),
        (lambda: RMSprop([np.zeros(2)], alpha=1.0), ValueError, "alpha must be in"),
        (lambda: RMSprop([np.zeros(2)], eps=-1e-8), ValueError, "eps must be positive"),
        (lambda: RMSprop([np.zeros(2)], momentum=1.5), ValueError, "momentum must be in"),
        (lambda: Adam([np.zeros(2)], betas=(0.9,)), TypeError, "betas must be a pair"),
        (lambda: Adam([np.zeros(2)], betas=0.9), TypeError, "betas must be a pair"),
        (lambda: Adam([np.zeros(2)], betas="ab"), TypeError, "betas must be a pair"),
        (lambda: Adam([np.zeros(2)], betas=(1.0, 0.999)), ValueError, r"betas\[0\] must be"),
        (lambda: Adam([np.zeros(2)], betas=(0.9, -0.1)), ValueError, r"betas\[1\] must be"),
        (lambda: Adam([np.zeros(2)], eps=0), ValueError, "eps must be positive"),
        (lambda: Adam([np.zeros(2)], weight_decay=-1), ValueError, "weight_decay must be"),
        (lambda: AdamW([np.zeros(2)], weight_decay=-1), ValueError, "weight_decay must be"),
        (lambda: AdamW([np.zeros(2)], betas=(0.9, 1.0)), ValueError, r"betas\[1\] must be"),
    ],
)
def test_bad_constructor_arguments(make, exc, match):
    with pytest.raises(exc, match=match):
        make()


def test_read_only_param_is_rejected():
    theta = np.zeros(2)
    theta.flags.writeable = False
    with pytest.raises(ValueError, match="param 0 is read-only"):
        SGD([theta], lr=0.1)


@pytest.mark.parametrize("name", list(ALL_FACTORIES))
@pytest.mark.parametrize(
    ("grads", "exc", "match"),
    [
        ([np.ones(2)], ValueError, "got 1 grads for 2 params"),
        ([np.ones(2), np.ones(3), np.ones(3)], ValueError, "got 3 grads for 2 params"),
        (
            [np.ones(2), np.ones((3, 1))],
            ValueError,
            r"grad 1 has shape \(3, 1\) but param 1 has shape \(3,\)",
        ),
        ([np.ones(2), np.ones(3, dtype=int)], TypeError, "grad 1 must be a floating-point"),
    ],
)
def test_bad_grads_raise_and_change_nothing(name, grads, exc, match):
    params = [np.ones(2), np.ones(3)]
    opt = ALL_FACTORIES[name](params)
    with pytest.raises(exc, match=match):
        opt.step(grads)
    assert opt.t == 0
    np.testing.assert_array_equal(params[0], 1.0)
    np.testing.assert_array_equal(params[1], 1.0)


@pytest.mark.parametrize(
    ("lr", "exc"),
    [(0.0, ValueError), (-0.1, ValueError), (float("nan"), ValueError), (None, TypeError)],
)
def test_bad_lr_set_between_steps_is_caught_at_step_time(lr, exc):
    theta = THETA0.copy()
    opt = SGD([theta], lr=0.1)
    opt.step([grad(theta)])
    opt.lr = lr
    with pytest.raises(exc, match="at step 2; if a schedule sets opt.lr"):
        opt.step([grad(theta)])
    np.testing.assert_allclose(theta, [0.8, -0.1], rtol=RTOL)


def test_base_class_has_no_update_rule():
    with pytest.raises(NotImplementedError):
        Optimizer([np.zeros(2)], lr=0.1).step([np.zeros(2)])
