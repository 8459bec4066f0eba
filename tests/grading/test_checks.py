"""gdcourse.learner.checks in-process: each diagnosis fires on its mistake and only there."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import gdlib
from gdcourse.learner import checks
from gdcourse.learner.mistakes import ex03 as mistakes

P = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
T = np.array([[0.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
REF = gdlib.losses.mse_grad(P, T)


def grade(func, **kw):
    grad = checks.call(func, P.copy(), T.copy(), forbid=[gdlib.losses.mse_grad])
    checks.expect_array(grad, REF, name="mse_grad", what="the gradient", batch=P.size, **kw)


def message(func, **kw) -> str:
    with pytest.raises(checks.CheckFailed) as err:
        grade(func, **kw)
    return str(err.value)


def test_a_correct_function_passes(capsys):
    grade(lambda pred, target: 2.0 * (pred - target) / pred.size)
    checks.passed("Task 2")
    assert "all checks in this cell passed" in capsys.readouterr().out


@pytest.mark.parametrize("func, phrase", [
    (lambda pred, target: 2.0 * (target - pred) / pred.size, "points uphill"),
    (lambda pred, target: 2.0 * (pred - target), "off by a factor of N = 6"),
    (lambda pred, target: (pred - target) / pred.size, "off by a factor of 0.5"),
    (lambda pred, target: 2.0 * (pred - target).T / pred.size, "transposed"),
    (lambda pred, target: np.sum(pred - target, axis=0), "should have shape (2, 3)"),
    (lambda pred, target: None, "forget the `return`"),
    (lambda pred, target: np.full(pred.shape, np.nan), "NaN"),
    (lambda pred, target: 2.0 * (pred - target) / pred.size + 1.0, "is wrong. At index"),
])
def test_each_mistake_gets_its_diagnosis(func, phrase):
    assert phrase in message(func)


def test_not_implemented_and_crashes_are_explained():
    def stub(pred, target):
        raise NotImplementedError()

    def crash(pred, target):
        return pred.no_such_attribute

    assert "not implemented yet" in message(stub)
    text = message(crash)
    assert "raised AttributeError" in text and "no_such_attribute" in text


def test_changing_an_input_in_place_is_caught():
    def mutate(pred, target):
        pred -= target
        return 2.0 * pred / pred.size

    assert "changed its input `pred` in place" in message(mutate)


def test_named_mistakes_win():
    wrong = 3.0 * REF
    text = message(lambda pred, target: 3.0 * REF, mistakes={"you tripled it.": wrong})
    assert text == "mse_grad: you tripled it."


import gdlib.losses as _losses_module  # noqa: E402
from gdlib.losses import mse_grad as _imported_ref  # noqa: E402

_alias = gdlib.losses.mse_grad


def _direct(pred, target):
    return gdlib.losses.mse_grad(pred, target)


def _via_module_alias(pred, target):
    return _losses_module.mse_grad(pred, target)


def _via_import(pred, target):
    return _imported_ref(pred, target)


def _via_getattr(pred, target):
    return getattr(gdlib.losses, "mse" + "_grad")(pred, target)


def _via_default(pred, target, f=gdlib.losses.mse_grad):
    return f(pred, target)


@pytest.mark.parametrize("func", [_direct, _via_module_alias, _via_import, _via_getattr,
                                  _via_default, _alias])
def test_calling_the_reference_earns_nothing(func):
    with pytest.raises(checks.ReferenceUsed, match="reference implementation"):
        grade(func)
    assert gdlib.losses.mse_grad is _alias  # the tripwires are removed afterwards


def test_calling_other_gdlib_functions_is_allowed():
    def uses_mse(pred, target):
        gdlib.losses.mse(pred, target)
        return 2.0 * (pred - target) / pred.size

    grade(uses_mse)


def test_a_subclass_or_wrapper_of_a_reference_class_is_refused():
    class Sub(gdlib.optim.SGD):
        pass

    class Wrapper:
        def __init__(self, params, lr):
            self.inner = gdlib.optim.SGD(params, lr)

    for cls in (Sub, Wrapper):
        with pytest.raises(checks.ReferenceUsed):
            checks.call(cls, [np.zeros(2)], lr=0.1, forbid=[gdlib.optim])


def test_expect_optimizer_recognises_a_known_mistake():
    def grad(params):
        return [np.array([1.0, 10.0]) * params[0]]

    kwargs = dict(lr=0.05, momentum=0.9)
    checks.expect_optimizer(gdlib.optim.SGD, gdlib.optim.SGD, name="SGD", kwargs=kwargs,
                            params=[np.array([1.0, -2.0])], grad=grad)
    with pytest.raises(checks.CheckFailed, match="plain gradient descent"):
        checks.expect_optimizer(mistakes.momentum_ignored, gdlib.optim.SGD, name="SGD",
                                kwargs=kwargs, params=[np.array([1.0, -2.0])], grad=grad,
                                mistakes={"plain gradient descent": mistakes.momentum_ignored})


def test_answers():
    checks.expect_answer(2.3026, np.log(10), name="X", rtol=1e-3)
    for value, phrase in [(None, "not answered yet"), ("2.3", "should be a number"),
                          (0.1, "probability"), (5.0, "is not right")]:
        with pytest.raises(checks.CheckFailed, match=phrase):
            checks.expect_answer(value, np.log(10), name="X", rtol=1e-3,
                                 mistakes={"probability": 0.1})


def test_a_failed_check_shows_its_message_not_the_test_code():
    err = checks.CheckFailed("your gradient points uphill")
    assert err._render_traceback_() == [
        "\x1b[0;31mCheckFailed\x1b[0m: your gradient points uphill"]
    assert isinstance(err, AssertionError)


GUARD = """
import numpy as np
from gdcourse.learner import checks
assert not checks.guard.enabled(), "the guard is on before the imports cell switched it on"
np.allclose, original = (lambda *a, **k: True), np.allclose
checks.guard.check()  # off: nothing is watched
np.allclose = original
checks.guard.enable()
try:
    checks.call = None
except AttributeError as err:
    assert "gdcourse.learner.checks cannot be changed" in str(err), err
else:
    raise SystemExit("the checks were not sealed")
np.allclose = lambda *a, **k: True
try:
    checks.guard.check()
except checks.Tampering as err:
    assert "numpy.allclose" in str(err), err
else:
    raise SystemExit("tampering was not noticed")
assert np.allclose is original, "the original was not put back"
import gdcourse.learner.mistakes.ex04  # a submodule imported after sealing still loads
print("ok")
"""


def test_the_guard_is_off_until_the_imports_cell_switches_it_on():
    proc = subprocess.run([sys.executable, "-c", GUARD], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stdout + proc.stderr
