"""The capstone's reference pieces agree with gdlib, its mistake models differ from them, and the
training checks (gdcourse.learner.training) pass the reference and name what they should."""

from __future__ import annotations

import signal
import time

import numpy as np
import pytest

import gdlib
from gdcourse.learner import training
from gdcourse.learner.failures import CheckFailed
from gdcourse.learner.mistakes import ex07


def _layers(widths, seed, linear):
    rng = np.random.default_rng(seed)
    out = []
    for i, (d, h) in enumerate(zip(widths[:-1], widths[1:], strict=True)):
        if i:
            out.append(ex07.ReLU() if linear is ex07.Linear else gdlib.nn.ReLU())
        out.append(linear(d, h, rng=rng))
    return out


def _quadratic_grad(params):
    return [np.array([1.0, 10.0]) * params[0], 0.5 * params[1]]


START = [np.array([1.0, -2.0]), np.array([[0.5, 1.5]])]


def _trajectory(make, steps=5, lrs=None, **kwargs):
    ps = [p.copy() for p in START]
    opt = make(ps, **kwargs)
    out = []
    with np.errstate(all="ignore"):
        for k in range(steps):
            if lrs is not None:
                opt.lr = lrs[k]
            opt.step(_quadratic_grad(ps))
            out.append(np.concatenate([p.ravel() for p in ps]))
    return np.array(out)


# --- the reference pieces are gdlib's, in the learner's interface ------------------------------
def test_reference_network_matches_gdlib():
    widths = [5, 7, 6, 3]
    ours = ex07.Sequential(*_layers(widths, 1, ex07.Linear))
    ref = gdlib.nn.Sequential(*_layers(widths, 1, gdlib.nn.Linear))
    x = np.random.default_rng(2).normal(size=(4, 5))
    g = np.random.default_rng(3).normal(size=(4, 3))
    np.testing.assert_allclose(ours.forward(x), ref.forward(x), rtol=1e-12)
    np.testing.assert_allclose(ours.backward(g), ref.backward(g), rtol=1e-12)
    for a, b in zip(ours.gradients(), ref.gradients(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_reference_loss_matches_gdlib_and_is_stable():
    z = np.array([[1000.0, 0.0, -1000.0], [-800.0, 800.0, 0.0], [0.1, 0.2, 0.3]])
    y = np.array([2, 1, 0])
    loss = ex07.SoftmaxCrossEntropy()
    assert loss.forward(z, y) == pytest.approx(gdlib.losses.cross_entropy(z, y), rel=1e-12)
    np.testing.assert_allclose(loss.backward(), gdlib.losses.cross_entropy_grad(z, y),
                               rtol=1e-12, atol=1e-15)
    assert not np.isfinite(ex07.cross_entropy_naive(z[:1], y[:1]))
    assert not np.isfinite(ex07.cross_entropy_log_of_softmax(z[:1], y[:1]))


@pytest.mark.parametrize("kwargs, lrs", [(dict(lr=0.05, momentum=0.9), None),
                                         (dict(lr=0.1), None),
                                         (dict(lr=0.1, momentum=0.9), [0.1, 0.01, 0.2, 0.05, 0.3])])
def test_reference_sgd_matches_gdlib(kwargs, lrs):
    np.testing.assert_allclose(_trajectory(ex07.SGD, lrs=lrs, **kwargs),
                               _trajectory(gdlib.optim.SGD, lrs=lrs, **kwargs), rtol=1e-12)


@pytest.mark.parametrize("kwargs", [dict(lr=0.1), dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6)])
def test_reference_adam_matches_gdlib(kwargs):
    np.testing.assert_allclose(_trajectory(ex07.Adam, **kwargs),
                               _trajectory(gdlib.optim.Adam, **kwargs), rtol=1e-12)


@pytest.mark.parametrize("model", [ex07.SGDWithoutMomentum, ex07.SGDDampened,
                                   ex07.SGDVelocityForm])
def test_each_sgd_mistake_differs_from_the_reference(model):
    lrs = [0.1, 0.01, 0.2, 0.05, 0.3]  # the velocity form is right only while η is constant
    assert not np.allclose(_trajectory(model, lrs=lrs, lr=0.1, momentum=0.9),
                           _trajectory(ex07.SGD, lrs=lrs, lr=0.1, momentum=0.9))


@pytest.mark.parametrize("model", [ex07.AdamWithoutBiasCorrection, ex07.AdamFirstMomentOnly,
                                   ex07.AdamStepPerArray, ex07.AdamStepAfterUpdate,
                                   ex07.AdamAverageOfG, ex07.AdamKingmaPlainEps,
                                   ex07.AdamEpsInsideRoot])
def test_each_adam_mistake_differs_from_the_reference(model):
    def tiny(params):
        return [1e-4 * g for g in _quadratic_grad(params)]

    def run(make):
        ps = [p.copy() for p in START]
        opt = make(ps, lr=0.02, eps=1e-6)
        with np.errstate(all="ignore"):
            for _ in range(4):
                opt.step(tiny(ps) if model is ex07.AdamEpsInsideRoot else _quadratic_grad(ps))
        return np.concatenate([p.ravel() for p in ps])

    assert not np.allclose(run(model), run(ex07.Adam), rtol=1e-6, equal_nan=False)


def test_reference_train_matches_gdlib_fit():
    X, y = gdlib.data.spirals(50, np.random.default_rng(0), classes=3)
    Xv, yv = gdlib.data.spirals(20, np.random.default_rng(1), classes=3)
    ours = ex07.Sequential(*_layers([2, 8, 3], 4, ex07.Linear))
    ref = gdlib.nn.Sequential(*_layers([2, 8, 3], 4, gdlib.nn.Linear))
    h = ex07.train(ours, ex07.SoftmaxCrossEntropy(), ex07.SGD(ours.parameters(), lr=0.1,
                                                              momentum=0.9),
                   X, y, Xv, yv, epochs=3, batch_size=16, rng=np.random.default_rng(5))
    fit = gdlib.train.fit(ref, "cross_entropy", X, y,
                          gdlib.optim.SGD(ref.parameters(), lr=0.1, momentum=0.9), epochs=3,
                          batch_size=16, rng=np.random.default_rng(5), X_val=Xv, y_val=yv)
    np.testing.assert_allclose(h["val_loss"], fit.val_loss, rtol=1e-10)
    np.testing.assert_allclose(h["val_accuracy"], fit.val_accuracy)
    for a, b in zip(ours.parameters(), ref.parameters(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-10)


@pytest.mark.parametrize("mistake", ex07.TRAIN_MISTAKES)
def test_each_training_mistake_gives_another_history(mistake):
    X, y = gdlib.data.spirals(50, np.random.default_rng(0), classes=3)
    Xv, yv = gdlib.data.spirals(20, np.random.default_rng(1), classes=3)

    def run(m):
        net = ex07.Sequential(*_layers([2, 8, 3], 4, ex07.Linear))
        return ex07.train(net, ex07.SoftmaxCrossEntropy(), ex07.SGD(net.parameters(), lr=0.1),
                          X, y, Xv, yv, epochs=3, batch_size=16, rng=np.random.default_rng(5),
                          mistake=m)

    ref, wrong = run(None), run(mistake)
    assert any(not np.allclose(ref[k], wrong[k]) for k in ref)


def test_reference_checker_agrees_with_gdlib_gradcheck_and_finds_a_bug():
    X, y = np.random.default_rng(0).normal(size=(5, 4)), np.array([0, 1, 2, 0, 1])
    net = ex07.Sequential(*_layers([4, 6, 3], 1, ex07.Linear))
    assert max(ex07.gradient_check_model(net, ex07.SoftmaxCrossEntropy(), X, y)) <= 1e-6
    rng = np.random.default_rng(1)
    buggy = ex07.Sequential(ex07.Linear(4, 6, rng=rng), ex07.ReLU(),
                            ex07.LinearBiasMean(6, 3, rng=rng))
    errors = ex07.gradient_check_model(buggy, ex07.SoftmaxCrossEntropy(), X, y)
    assert errors[3] == pytest.approx((1 - 1 / 5) / (1 + 1 / 5), rel=1e-6)  # db = sum/N vs sum


def test_the_cubic_case_tells_the_step():
    theta = [1.0, -0.5]
    X = np.ones((2, 2))
    for eps in (1e-2, 5e-2):
        got = ex07.gradient_check_model(ex07.CubicModel(theta), ex07.SumLoss(), X, None, eps)
        want = max(eps**2 / (6 * t**2 + eps**2) for t in theta)
        assert got[0] == pytest.approx(want, rel=1e-6)


def test_reference_range_test_stops_at_the_explosion():
    calls = []

    def step(lr):
        calls.append(lr)
        return 1.0 / (1.0 + 10 * lr) if lr < 1.0 else np.nan

    with np.errstate(invalid="ignore"):
        lrs, smoothed = ex07.lr_range_test(step, 1e-3, 10.0, 30)
    np.testing.assert_allclose(lrs, np.geomspace(1e-3, 10.0, 30)[:len(lrs)])
    assert len(calls) == len(lrs)  # the step that stopped the test is kept, as in Exercise 5
    assert np.isnan(smoothed[-1]) and np.all(np.isfinite(smoothed[:-1]))
    assert lrs[-2] < 1.0 <= lrs[-1]


def test_reference_find_lr_suggests_a_tenth_of_the_minimum():
    X, y = gdlib.data.spirals(60, np.random.default_rng(0), classes=3)

    def net(rng):
        return ex07.Sequential(*_layers([2, 8, 3], 1, ex07.Linear))

    lrs, smoothed, suggested = ex07.find_lr(
        net, lambda params: ex07.SGD(params, lr=1e-3, momentum=0.9), X, y, lr_min=1e-3,
        lr_max=1e3, steps=40, batch_size=16, seed=1)
    assert suggested == pytest.approx(lrs[np.nanargmin(smoothed)] / 10)
    for mistake in ex07.FIND_LR_MISTAKES[:-1]:  # argmin_nan differs only when a loss is NaN
        other = ex07.find_lr(net, lambda params: ex07.SGD(params, lr=1e-3, momentum=0.9), X, y,
                             lr_min=1e-3, lr_max=1e3, steps=40, batch_size=16, seed=1,
                             mistake=mistake)
        assert len(other[1]) != len(smoothed) or not np.allclose(other[1], smoothed) \
            or other[2] != suggested, mistake


def test_winner_rules():
    def h(ta, tl, va, vl):
        return {"train_accuracy": ta, "train_loss": tl, "val_accuracy": va, "val_loss": vl}

    hs = {"A": h([1.0], [0.2], [0.85], [0.5]), "B": h([0.97], [0.05], [0.86], [0.5]),
          "C": h([0.95], [0.3], [0.87], [0.45]), "D": h([0.92], [0.36], [0.90], [0.3])}
    assert ex07.winner(hs) == "D"
    assert ex07.winner(hs, "train_accuracy") == "A"
    assert ex07.winner(hs, "train_loss") == "B"


def test_digits_split_is_chapter_sevens():
    X_train, y_train, X_val, y_val, X_test, y_test = ex07.digits_split()
    assert (len(X_train), len(X_val), len(X_test)) == (1078, 360, 359)
    np.testing.assert_allclose(X_train.mean(axis=0), 0.0, atol=1e-12)


# --- the training checks ------------------------------------------------------------------------
def test_expect_steps_passes_the_reference_and_names_a_mistake():
    kwargs = dict(lr=0.1, momentum=0.9)
    training.expect_steps(ex07.SGD, gdlib.optim.SGD, name="SGD", kwargs=kwargs, params=START,
                          grad=_quadratic_grad, lrs=[0.1, 0.01, 0.2, 0.05])
    with pytest.raises(CheckFailed, match="VELOCITY"):
        training.expect_steps(ex07.SGDVelocityForm, gdlib.optim.SGD, name="SGD", kwargs=kwargs,
                              params=START, grad=_quadratic_grad, lrs=[0.1, 0.01, 0.2, 0.05],
                              mistakes={"VELOCITY": ex07.SGDVelocityForm})


def test_expect_steps_ties_a_nan_to_the_model_that_gives_the_same_nan():
    models = {"T0": ex07.AdamStepAfterUpdate, "G": ex07.AdamAverageOfG}
    for model, word in (("T0", "T0"), ("G", "G")):
        with pytest.raises(CheckFailed, match=f": {word}$"):
            training.expect_steps(models[model], gdlib.optim.Adam, name="Adam",
                                  kwargs=dict(lr=0.1), params=START, grad=_quadratic_grad,
                                  mistakes=models)


def test_expect_steps_says_what_it_saw_for_an_unknown_nan():
    class Broken(ex07.Adam):
        def step(self, grads):
            for p in self.params:
                p[...] = np.nan

    with pytest.raises(CheckFailed, match="after step 1 the parameters hold NaN"):
        training.expect_steps(Broken, gdlib.optim.Adam, name="Adam", kwargs=dict(lr=0.1),
                              params=START, grad=_quadratic_grad,
                              mistakes={"G": ex07.AdamAverageOfG})


def test_expect_history():
    ref = {"train_loss": [1.0, 0.5], "val_accuracy": [0.5, 0.75]}
    training.expect_history({"train_loss": np.array(ref["train_loss"]),
                             "val_accuracy": ref["val_accuracy"]}, ref, name="train", epochs=2)
    with pytest.raises(CheckFailed, match="KNOWN"):
        training.expect_history({"train_loss": [1.0, 0.6], "val_accuracy": [0.5, 0.75]}, ref,
                                name="train", epochs=2,
                                mistakes={"KNOWN": {"train_loss": [1.0, 0.6],
                                                    "val_accuracy": [0.5, 0.75]}})
    with pytest.raises(CheckFailed, match=r"after epoch 2 is 0.7, expected 0.75.*Also, NOTE\."):
        training.expect_history({"train_loss": [1.0, 0.5], "val_accuracy": [0.5, 0.7]}, ref,
                                name="train", epochs=2, note="NOTE")
    with pytest.raises(CheckFailed, match="one number per epoch"):
        training.expect_history({"train_loss": [1.0], "val_accuracy": [0.5]}, ref, name="train",
                                epochs=2)


def test_expect_numbers_allows_round_off_below_the_threshold():
    training.expect_numbers([3e-6, 0.5], [1e-9, 0.5002], name="check", what="errors",
                            small=1e-6, bound=1e-5)
    with pytest.raises(CheckFailed, match="expected at most 1e-05"):
        training.expect_numbers([3e-4, 0.5], [1e-9, 0.5], name="check", what="errors",
                                small=1e-6, bound=1e-5)
    with pytest.raises(CheckFailed, match="a list of 2 numbers"):
        training.expect_numbers(0.5, [0.5, 0.5], name="check", what="errors")


def test_expect_restored_recognises_an_entry_left_perturbed():
    p = np.array([1.0, 2.0, 3.0])
    training.expect_restored([p], [p.copy()], name="check", eps=1e-6)
    moved = p.copy()
    moved[1] -= 1e-6
    with pytest.raises(CheckFailed, match="changed by ±eps"):
        training.expect_restored([moved], [p], name="check", eps=1e-6)


def test_timed_call_fails_over_the_budget():
    def slow():
        end = time.process_time() + 0.3
        while time.process_time() < end:
            pass
        return 1

    assert training.timed_call(lambda: 1, name="f", limit=5.0)[0] == 1
    with pytest.raises(CheckFailed, match="the budget is 0.1 s"):
        training.timed_call(slow, name="f", limit=0.1)


def test_timed_call_stops_a_run_far_over_the_budget():
    def for_a_minute():
        end = time.process_time() + 60.0
        while time.process_time() < end:
            pass

    start, before = time.process_time(), signal.getsignal(signal.SIGPROF)
    with pytest.raises(CheckFailed, match=r"was stopped after 0\.\d s .*the budget is 0.2 s"):
        training.timed_call(for_a_minute, name="f", limit=0.2)
    assert time.process_time() - start < 5.0
    assert signal.getsignal(signal.SIGPROF) is before  # the alarm is put back as it was
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_timed_call_stops_the_learner_even_inside_its_own_except_exception():
    def swallows():
        end = time.process_time() + 60.0
        while time.process_time() < end:
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001 (a learner's catch-all must not hide the alarm)
                pass

    with pytest.raises(CheckFailed, match="was stopped"):
        training.timed_call(swallows, name="f", limit=0.2)
