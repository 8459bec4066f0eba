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
    (lambda pred, target: (pred - target) / pred.size, "every entry is 0.5 times the expected"),
    (lambda pred, target: 2.0 * (pred - target).T / pred.size, "transposed"),
    (lambda pred, target: np.sum(pred - target, axis=0), "should have shape (2, 3)"),
    (lambda pred, target: None, "forget the `return`"),
    (lambda pred, target: np.full(pred.shape, np.nan), "is NaN at index (0, 0)"),
    (lambda pred, target: 2.0 * (pred - target) / pred.size + 1.0,
     "6 of its 6 entries differ from the expected ones. The largest difference is at index"),
])
def test_each_mistake_gets_its_diagnosis(func, phrase):
    assert phrase in message(func)


def test_a_nan_gets_the_tests_explanation_or_none():
    """expect_finite guesses no cause: the explanation comes from the test that knows it."""
    text = message(lambda pred, target: np.full(pred.shape, np.nan))
    assert "logit" not in text and "0/0" in text
    text = message(lambda pred, target: np.full(pred.shape, np.inf),
                   nonfinite="np.exp overflowed for these logits.")
    assert text == ("mse_grad: the gradient is infinity at index (0, 0) for these inputs. "
                    "np.exp overflowed for these logits.")


def test_one_wrong_number_is_not_called_a_constant_factor():
    for value in (3.0, np.float32(3.0), np.array([3.0])):
        with pytest.raises(checks.CheckFailed) as err:
            checks.expect_number(value, 2.0, name="f")
        assert str(err.value) == "f: the value returned by f is 3, expected 2."
    with pytest.raises(checks.CheckFailed, match="opposite sign"):
        checks.expect_number(-2.0, 2.0, name="f")
    with pytest.raises(checks.CheckFailed, match="sum over the batch instead of averaging"):
        checks.expect_number(12.0, 2.0, name="f", batch=6)


def test_lossless_conversions_are_accepted_with_a_note(capsys):
    checks.expect_number(np.array([2.0]), 2.0, name="f", what="the bias b")
    checks.expect_number(np.float64(2.0), 2.0, name="f")
    checks.expect_number(2, 2.0, name="f")
    out = capsys.readouterr().out
    assert "the bias b is an array of shape (1,); it is accepted" in out
    assert out.count("\u2139") == 1  # a numpy or Python number needs no note
    checks.expect_array(REF.astype(np.float32), REF, name="mse_grad")
    assert "float32; it is accepted to float32's precision" in capsys.readouterr().out
    for bad, phrase in [(np.array([1.0, 2.0]), "should be one number"),
                        (True, "is a bool"), ("2.0", "is a str"), (None, "`return`")]:
        with pytest.raises(checks.CheckFailed, match=phrase):
            checks.expect_number(bad, 2.0, name="f")


def test_answers_accept_a_size_one_array(capsys):
    checks.expect_answer(np.array([2.3026]), np.log(10), name="X", rtol=1e-3)
    assert "X is an array of shape (1,); it is accepted" in capsys.readouterr().out


@pytest.mark.parametrize("value", [(1, 2), [1, 2], (np.int64(1), np.intp(2)),
                                   np.array([1, 2]), np.unravel_index(5, (3, 3))])
def test_expect_index_accepts_any_index_sequence(value):
    checks.expect_index(value, (1, 2), name="f", what="worst_index")


@pytest.mark.parametrize("value, phrase", [
    (5, "the single number 5, a flat index into the array ravelled to 1-D "
        "(np.ravel_multi_index((1, 2), (3, 3)) is 5)"),
    (np.int64(5), "a flat index"),
    ("(1, 2)", "it should be a tuple of ints"),
    ((1.0, 2.0), "it should be a tuple of ints"),
    (None, "worst_index is None"),
    ((1, 2, 0), "with 3 numbers; the array has 2 dimensions"),
    ((2, 1), "worst_index is (2, 1), expected (1, 2)."),
])
def test_expect_index_says_what_is_wrong_and_never_crashes(value, phrase):
    with pytest.raises(checks.CheckFailed) as err:
        checks.expect_index(value, (1, 2), name="f", what="worst_index", shape=(3, 3))
    assert phrase in str(err.value)
    checks.expect_index(3, (3,), name="f")  # an int is the index of a 1-D array


def test_expect_index_accepts_any_of_a_tie_and_refuses_what_is_outside():
    ties = [(0, 1), (1, 0)]
    assert checks.expect_index((1, 0), (0, 1), name="f", among=ties) == (1, 0)
    with pytest.raises(checks.CheckFailed, match=r"or another of \[\(0, 1\), \(1, 0\)\]"):
        checks.expect_index((1, 1), (0, 1), name="f", among=ties)
    with pytest.raises(checks.CheckFailed, match=r"outside an array of shape \(2, 2\)"):
        checks.expect_index((2, 0), (0, 1), name="f", shape=(2, 2), among=ties)


def test_a_layer_is_named_itself_not_its_base_class():
    def uses_linear(x):
        return gdlib.nn.Linear(2, 2, rng=np.random.default_rng(0))(x)

    with pytest.raises(checks.ReferenceUsed, match=r"uses gdlib\.nn\.Linear,"):
        checks.call(uses_linear, np.ones((1, 2)), forbid=[gdlib.nn])


def test_a_crash_names_the_inputs_and_what_the_task_promises():
    def crash(a, b):
        return np.max(a - b)

    with pytest.raises(checks.CheckFailed) as err:
        checks.call(crash, np.zeros(0), np.zeros(0), case="two empty arrays",
                    raised_hint="For empty arrays the task asks for 0.0.")
    text = str(err.value)
    assert text.startswith("crash raised ValueError for two empty arrays: zero-size array")
    assert "For empty arrays the task asks for 0.0.\nIt happened here:" in text
    assert "site-packages" not in text and "fromnumeric" not in text  # the learner's frames


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


def _quadratic(params):
    return [np.array([1.0, 10.0]) * params[0]]


class _Uphill(gdlib.optim.SGD):
    def step(self, grads):
        for p, g in zip(self.params, grads, strict=True):
            p += self.lr * g


def _uphill(params, lr):
    opt = _Uphill.__new__(_Uphill)
    opt.params, opt.lr = list(params), lr
    return opt


def _late(params, lr):  # right at step 1, then steps with twice the rate
    class Late:
        def __init__(self):
            self.params, self.t = list(params), 0

        def step(self, grads):
            self.t += 1
            for p, g in zip(self.params, grads, strict=True):
                p -= lr * (1 if self.t == 1 else 2) * g
    return Late()


def test_expect_optimizer_reports_where_the_steps_part():
    kw = dict(name="SGD", kwargs=dict(lr=0.05), params=[np.array([1.0, -2.0])],
              grad=_quadratic, steps=3)
    with pytest.raises(checks.CheckFailed) as err:
        checks.expect_optimizer(_uphill, gdlib.optim.SGD, **kw)
    assert "step 1 does not" in str(err.value) and "goes the opposite way" in str(err.value)
    with pytest.raises(checks.CheckFailed) as err:
        checks.expect_optimizer(_late, gdlib.optim.SGD, **kw)
    assert str(err.value).startswith("SGD: step 1 matches, step 2 does not: after it, "
                                     "params[0][1] has moved by")
    assert checks.agrees(gdlib.optim.SGD, gdlib.optim.SGD, **kw)
    assert not checks.agrees(_late, gdlib.optim.SGD, **kw)
    with pytest.raises(checks.ReferenceUsed):
        checks.agrees(lambda params, lr: gdlib.optim.SGD(params, lr), gdlib.optim.SGD,
                      forbid=[gdlib.optim], **kw)


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


def test_a_reference_copied_is_caught_the_same_code_written_again_is_not():
    """Code objects compare equal by content and line numbers: a learner's function written
    like the reference, at the same lines, is the learner's own; one that reuses the
    reference's code object is a copy."""
    import types

    from gdcourse.learner.reference import ReferenceUsed, not_reference

    source = "def relu(x):\n    return x * (x > 0)\n"
    ref_ns, own_ns = {}, {}
    exec(compile(source, "reference.py", "exec"), ref_ns)
    exec(compile(source, "<learner cell>", "exec"), own_ns)
    reference, own = ref_ns["relu"], own_ns["relu"]
    assert reference.__code__ == own.__code__  # equal, yet not the same object
    not_reference(own, [reference], "relu")
    copied = types.FunctionType(reference.__code__, own_ns, "relu")
    with pytest.raises(ReferenceUsed, match="reference implementation"):
        not_reference(copied, [reference], "relu")
