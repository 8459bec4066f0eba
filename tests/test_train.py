"""Tests for gdlib.train: minimize paths, fit on small problems, divergence, bad input."""

import math
import warnings

import numpy as np
import pytest

from gdlib import data, losses, nn
from gdlib.functions import IllConditionedQuadratic, Rosenbrock
from gdlib.optim import SGD, Adam
from gdlib.train import DivergenceError, History, accuracy, fit, minimize, predict


def sgd(lr, **kw):
    return lambda params: SGD(params, lr=lr, **kw)


def mlp(rng, d=2, h=16, c=2):
    return nn.Sequential(nn.Linear(d, h, rng=rng), nn.Tanh(), nn.Linear(h, c, rng=rng))


# ---- minimize ------------------------------------------------------------------------


def test_gd_on_quadratic_matches_closed_form():
    q = IllConditionedQuadratic(a=1.0, b=20.0)
    lr = 0.09  # below 2 / L = 0.1, so both coordinates contract
    path = minimize(q, np.array([2.0, 1.0]), sgd(lr), 50)
    t = np.arange(51)
    expected = np.column_stack([2.0 * (1 - lr * 1.0) ** t, 1.0 * (1 - lr * 20.0) ** t])
    np.testing.assert_allclose(path.points, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(path.values, [q(p) for p in expected], rtol=1e-12, atol=1e-30)
    assert path.values[-1] < 1e-3 * path.values[0]


def test_minimize_with_plain_callables_and_schedule():
    x0 = [1.0, -1.0]
    sched = [0.5, 0.25, 0.125]
    path = minimize(lambda th: 2 * th, x0, sgd(1.0), 3, schedule=lambda t: sched[t])
    assert path.values is None
    assert x0 == [1.0, -1.0]  # not mutated
    np.testing.assert_allclose(path.points[:, 0], [1.0, 0.0, 0.0, 0.0])  # 1 - 0.5·2·1 = 0
    path = minimize(lambda th: 2 * th, np.array([1.0]), sgd(0.25), 2, f=lambda th: th @ th)
    np.testing.assert_allclose(path.points[:, 0], [1.0, 0.5, 0.25])
    np.testing.assert_allclose(path.values, [1.0, 0.25, 0.0625])


def test_adam_makes_progress_on_rosenbrock():
    r = Rosenbrock()
    path = minimize(r, np.array([-1.5, 2.0]), lambda p: Adam(p, lr=0.05), 2000)
    assert path.points.shape == (2001, 2)
    assert path.values[-1] < 1e-2 * path.values[0]


def test_minimize_divergence_is_reported_without_warnings():
    q = IllConditionedQuadratic(a=1.0, b=20.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(
            DivergenceError, match=r"step \d+ \(lr=0.5\).*smaller learning rate"
        ) as e:
            minimize(q, np.array([1.0, 1.0]), sgd(0.5), 2000)
    assert isinstance(e.value, FloatingPointError)
    partial = e.value.partial
    assert len(partial.points) == len(partial.values) > 2
    with pytest.raises(DivergenceError) as e:
        minimize(q.grad, np.array([1.0, 1.0]), sgd(0.5), 2000)
    assert e.value.partial.values is None


@pytest.mark.parametrize(
    "args, error, match",
    [
        ((42, np.zeros(2), sgd(0.1), 5), TypeError, "grad must be a callable"),
        ((np.sin, np.zeros(2), sgd(0.1), 0), ValueError, "steps must be a positive integer"),
        ((np.sin, np.zeros(2, dtype=int), sgd(0.1), 5), TypeError, "x0 must be a floating"),
    ],
)
def test_minimize_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        minimize(*args)


# ---- fit -----------------------------------------------------------------------------


def test_fit_linear_regression_recovers_line():
    rng = np.random.default_rng(0)
    X, y = data.linear_regression(200, rng, w=2.0, b=-1.0, noise=0.01)
    model = nn.Linear(1, 1, rng=rng)
    opt = SGD(model.parameters(), lr=0.3)
    hist = fit(model, "mse", X, y, opt, epochs=40, batch_size=20, rng=rng)
    assert isinstance(hist, History)
    np.testing.assert_allclose([model.W[0, 0], model.b[0]], [2.0, -1.0], atol=0.02)
    assert hist.loss.shape == (40,) and hist.step_loss.shape == (400,)
    assert hist.lr.shape == (400,) and np.all(hist.lr == 0.3)
    assert hist.grad_norms.shape == (40, 1)
    assert hist.loss[-1] < 0.01 * hist.loss[0]
    assert hist.val_loss.size == 0 and hist.val_accuracy.size == 0


def xor_blobs(n, rng, noise=0.2):
    """Four Gaussian blobs at (±1, ±1); label 1 where exactly one coordinate is positive."""
    corners = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
    which = np.arange(n) % 4
    X = corners[which] + noise * rng.standard_normal((n, 2))
    return X, np.array([0, 1, 1, 0])[which]


def test_fit_classifies_spirals_with_validation():
    rng = np.random.default_rng(0)
    X, y = data.spirals(300, rng, classes=2, noise=0.1)
    X_tr, X_va, y_tr, y_va = data.train_test_split(X, y, 0.25, rng)
    model = mlp(rng, h=32)
    opt = Adam(model.parameters(), lr=0.02)
    hist = fit(model, "cross_entropy", X_tr, y_tr, opt, epochs=60, batch_size=32, rng=rng,
               X_val=X_va, y_val=y_va)  # fmt: skip
    assert hist.val_loss.shape == hist.val_accuracy.shape == (60,)
    assert hist.val_accuracy[-1] >= 0.95
    assert hist.val_accuracy[-1] == accuracy(model, X_va, y_va)
    assert model.layers[0].training  # fit leaves the model in training mode


def test_fit_bce_single_logit_on_xor():
    rng = np.random.default_rng(1)
    X, y = xor_blobs(200, rng, noise=0.2)
    model = mlp(rng, c=1)
    opt = Adam(model.parameters(), lr=0.05)
    hist = fit(model, "bce", X, y, opt, epochs=40, batch_size=25, rng=rng, X_val=X, y_val=y)
    assert hist.val_accuracy[-1] >= 0.95
    out = predict(model, X)
    assert out.shape == (200, 1)
    assert accuracy(model, X, y) == np.mean((out[:, 0] > 0) == y)


def test_fit_custom_loss_pair_schedule_and_determinism():
    def run(seed):
        rng = np.random.default_rng(seed)
        X, y = data.linear_regression(50, np.random.default_rng(9), w=[1.0, 2.0])
        model = nn.Sequential(nn.Linear(2, 4, rng=np.random.default_rng(3)), nn.ReLU(),
                              nn.Linear(4, 1, rng=np.random.default_rng(4)))  # fmt: skip
        opt = SGD(model.parameters(), lr=1.0)
        return fit(model, (losses.mse, losses.mse_grad), X, y, opt, epochs=3, batch_size=16,
                   rng=rng, schedule=lambda t: 0.1 / (1 + t), X_val=X, y_val=y)  # fmt: skip

    a, b, c = run(0), run(0), run(1)
    steps = 3 * math.ceil(50 / 16)
    np.testing.assert_allclose(a.lr, 0.1 / (1 + np.arange(steps)))
    np.testing.assert_array_equal(a.step_loss, b.step_loss)
    assert not np.array_equal(a.step_loss, c.step_loss)  # a different shuffle
    assert a.val_loss.shape == (3,) and a.val_accuracy.size == 0
    assert a.grad_norms.shape == (3, 2)


def test_fit_records_norms_before_clipping_and_clips():
    rng = np.random.default_rng(0)
    X, y = data.spirals(64, rng, classes=3)
    model = mlp(rng, c=3)
    before = [p.copy() for p in model.parameters()]
    opt = SGD(model.parameters(), lr=0.1)
    hist = fit(model, "cross_entropy", X, y, opt, epochs=1, batch_size=64, rng=rng, clip_norm=1e-3)
    # one step: history has the raw norms, the model's grads were scaled down in place
    scale = model.grad_norms() / hist.grad_norms[0]
    np.testing.assert_allclose(scale, scale[0], rtol=1e-9)
    assert scale[0] < 0.01 and hist.grad_norms[0].max() > 1e-3
    pairs = zip(model.parameters(), before, strict=True)
    moved = math.sqrt(sum(np.sum((p - q) ** 2) for p, q in pairs))
    assert moved <= 0.1 * 1e-3 * (1 + 1e-9)  # |Δθ| = η·|clipped g| ≤ η·clip_norm


def test_fit_divergence_names_epoch_step_and_lr():
    rng = np.random.default_rng(0)
    X, y = data.linear_regression(40, rng, w=[3.0, -2.0])
    X = X * 100
    model = nn.Sequential(nn.Linear(2, 8, rng=rng), nn.Linear(8, 1, rng=rng))
    opt = SGD(model.parameters(), lr=10.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(
            DivergenceError, match=r"epoch \d+, step \d+ .*lr=10.0.*smaller learning"
        ):
            fit(model, "mse", X, y, opt, epochs=50, batch_size=8, rng=rng)


def test_fit_divergence_from_gradient():
    rng = np.random.default_rng(0)
    model = nn.Linear(1, 1, rng=rng)
    bad = (lambda p, t: 0.0, lambda p, t: np.full_like(p, np.nan))
    with pytest.raises(DivergenceError, match="gradient became NaN") as e:
        fit(model, bad, np.ones((4, 1)), np.ones(4), SGD(model.parameters(), lr=0.1),
            epochs=1, batch_size=2, rng=rng)  # fmt: skip
    assert e.value.partial.loss.size == 0


def test_predict_restores_mode_and_accuracy():
    rng = np.random.default_rng(0)
    model = nn.Sequential(nn.Linear(2, 2, rng=rng), nn.BatchNorm1d(2))
    model.train()
    predict(model, np.ones((1, 2)))  # eval mode: a batch of one is fine
    assert all(m.training for m in model.modules())
    model.layers[0].W[...] = np.eye(2)
    X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 1.0]])
    assert accuracy(nn.Sequential(model.layers[0]), X, np.array([0, 1, 1])) == pytest.approx(2 / 3)


def _fit_args(**over):
    rng = np.random.default_rng(0)
    model = nn.Linear(2, 1, rng=rng)
    opt = SGD(model.parameters(), lr=0.1)
    args = dict(model=model, loss="mse", X=np.ones((4, 2)), y=np.ones(4), optimizer=opt,
                epochs=1, batch_size=2, rng=rng)  # fmt: skip
    args.update(over)
    return args


@pytest.mark.parametrize(
    "over, error, match",
    [
        ({"X": np.ones((4, 2), dtype=int)}, TypeError, "X must be a floating-point"),
        ({"X": np.ones(4)}, ValueError, r"X must be 2-D of shape \(N, D\)"),
        ({"y": np.ones(3)}, ValueError, "X has 4 rows but its targets have 3"),
        ({"batch_size": 0}, ValueError, "batch_size must be a positive integer"),
        ({"epochs": 1.5}, TypeError, "epochs must be a positive integer"),
        ({"rng": 0}, TypeError, "numpy.random.Generator"),
        ({"loss": "hinge"}, ValueError, "unknown loss 'hinge'"),
        ({"loss": (losses.mse,)}, TypeError, "loss must be"),
        ({"clip_norm": -1.0}, ValueError, "clip_norm must be positive"),
        ({"X_val": np.ones((2, 2))}, ValueError, "both X_val and y_val"),
        ({"X_val": np.ones((2, 2)), "y_val": np.ones(3)}, ValueError, "X_val has 2 rows"),
        (
            {"optimizer": SGD([np.zeros((2, 1)), np.zeros(1)], lr=0.1)},
            ValueError,
            "model.parameters",
        ),
    ],
)
def test_fit_bad_input(over, error, match):
    with pytest.raises(error, match=match):
        fit(**_fit_args(**over))


def test_fit_with_a_gdlib_schedule():
    from gdlib.schedules import StepDecay

    rng = np.random.default_rng(0)
    X, y = data.linear_regression(40, rng)
    model = nn.Linear(1, 1, rng=rng)
    opt = SGD(model.parameters(), lr=1.0)
    hist = fit(model, "mse", X, y, opt, epochs=3, batch_size=10, rng=rng,
               schedule=StepDecay(0.2, step_size=4, gamma=0.5))  # fmt: skip
    np.testing.assert_allclose(hist.lr, 0.2 * 0.5 ** (np.arange(12) // 4))
    assert opt.lr == pytest.approx(0.05)


# ---- progress, callback, dtype -------------------------------------------------------


def _spiral_run(**kw):
    rng = np.random.default_rng(0)
    X, y = data.spirals(96, rng, classes=3)
    model = mlp(rng, c=3)
    opt = SGD(model.parameters(), lr=0.1)
    hist = fit(model, "cross_entropy", X, y, opt, epochs=4, batch_size=32, rng=rng, **kw)
    return model, hist


def test_progress_bar_shows_steps_and_loss_and_changes_nothing(capsys):
    model, hist = _spiral_run(progress=True)
    err = capsys.readouterr().err
    assert "12/12" in err and "loss=" in err and "epoch=4" in err  # 4 epochs × 3 steps
    _, quiet = _spiral_run()
    assert capsys.readouterr().err == ""  # off by default
    np.testing.assert_array_equal(hist.step_loss, quiet.step_loss)


def test_callback_sees_each_epoch_and_can_stop_training():
    seen = []

    def callback(epoch, history):
        seen.append((epoch, len(history.loss), history.lr.size))
        return epoch == 2  # stop after the second epoch

    _, hist = _spiral_run(callback=callback)
    assert seen == [(1, 1, 3), (2, 2, 6)]
    assert hist.loss.shape == (2,) and hist.step_loss.shape == (6,)
    _, full = _spiral_run(callback=lambda epoch, history: None)
    np.testing.assert_array_equal(full.step_loss[:6], hist.step_loss)
    assert full.loss.shape == (4,)
    with pytest.raises(TypeError, match="callback must be callable"):
        _spiral_run(callback=1)


def test_callback_snapshots_match_one_fit_call_per_epoch():
    # what Chapter 7's slider needs: the parameters after every epoch, from a single fit call
    def setup():
        rng = np.random.default_rng(0)
        X, y = data.spirals(96, np.random.default_rng(1), classes=3)
        model = mlp(rng, c=3)
        return model, Adam(model.parameters(), lr=0.01), X, y, np.random.default_rng(2)

    model, opt, X, y, rng = setup()
    snaps = []
    fit(model, "cross_entropy", X, y, opt, epochs=3, batch_size=32, rng=rng,
        callback=lambda epoch, h: snaps.append([p.copy() for p in model.parameters()]))  # fmt: skip
    model, opt, X, y, rng = setup()
    for epoch in range(3):
        fit(model, "cross_entropy", X, y, opt, epochs=1, batch_size=32, rng=rng)
        for got, want in zip(model.parameters(), snaps[epoch], strict=True):
            np.testing.assert_array_equal(got, want)


def test_fit_restores_needs_input_grad_even_when_it_raises():
    rng = np.random.default_rng(0)
    model = nn.Sequential(nn.Linear(2, 3, rng=rng), nn.Tanh(), nn.Linear(3, 1, rng=rng))
    seen = []

    def callback(epoch, history):
        seen.append(model.needs_input_grad)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fit(model, "mse", np.ones((4, 2)), np.ones(4), SGD(model.parameters(), lr=0.1),
            epochs=2, batch_size=2, rng=rng, callback=callback)  # fmt: skip
    assert seen == [False] and model.needs_input_grad


def test_fit_of_a_float32_model_runs_in_float32_and_agrees_with_float64():
    def run(dtype):
        rng = np.random.default_rng(0)
        X, y = data.spirals(120, np.random.default_rng(1), classes=3)
        model = nn.Sequential(nn.Linear(2, 16, rng=rng, dtype=dtype), nn.ReLU(),
                              nn.Linear(16, 3, rng=rng, dtype=dtype))  # fmt: skip
        opt = Adam(model.parameters(), lr=0.01)
        hist = fit(model, "cross_entropy", X, y, opt, epochs=3, batch_size=40, rng=rng,
                   X_val=X, y_val=y, clip_norm=1.0)  # fmt: skip
        return model, hist

    m32, h32 = run(np.float32)
    m64, h64 = run(np.float64)
    for field_name in ("loss", "val_loss", "lr", "grad_norms", "step_loss"):
        a, b = getattr(h32, field_name), getattr(h64, field_name)
        assert a.dtype == np.float32
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6, err_msg=field_name)
    for p32, p64 in zip(m32.parameters(), m64.parameters(), strict=True):
        np.testing.assert_allclose(p32, p64, rtol=1e-4, atol=1e-5)
