"""Checks that the graded exercises' test cells call, with feedback written for a learner.

A test cell never asserts bare conditions. It calls a helper from here, which either returns
quietly or raises :class:`CheckFailed` whose message says in plain words what is wrong and what
to check ("your gradient points uphill: check its sign"). ``CheckFailed`` renders as that message
alone, without the traceback, so a failed hidden test shows its hint and never its code.

The helpers:

- :func:`call` runs the learner's function the way a test should: it refuses a function that
  merely hands the work to ``gdlib``'s own version (the ``forbid`` list), reports a crash or a
  ``NotImplementedError`` in words, and notices an input array changed in place.
- :func:`expect_array` and :func:`expect_number` compare a result with the expected one and,
  when they differ, diagnose the usual mistakes: flipped sign, a factor of N (mean vs sum),
  a factor of 2, wrong shape or axis, NaN or overflow, or any named ``mistakes`` the test knows.
- :func:`expect_answer` grades a short numeric answer stored in a variable.
- :func:`passed` prints the line a learner sees when a whole test cell passed.

Learner code runs in the same kernel as the tests, so this module also guards what the tests
rely on (see "Tampering" below): replacing a numpy, gdlib or builtin function, or a helper of
this module, makes the next check fail with :class:`Tampering` (that task scores zero) and puts
the original back, so later tasks are graded honestly. It stops the casual tricks, not a
determined attacker: appendices/instructors.md, "Threat model", says what it cannot stop.
"""

from __future__ import annotations

import contextlib
import copy
import dis
import functools
import inspect
import numbers
import sys
import traceback
import types
from collections.abc import Callable, Iterable, Mapping

import numpy as np

__all__ = ["CheckFailed", "ReferenceUsed", "Tampering", "fail", "call", "expect_array",
           "expect_number", "answered", "expect_answer", "expect_finite", "expect_optimizer",
           "passed", "not_reference", "substitute"]


class CheckFailed(AssertionError):
    """A test found a mistake; ``str(err)`` says what is wrong and what to check.

    In a notebook it displays as its message only: no traceback, so the test's code (and a
    hidden test's code) is never shown, just the advice.
    """

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom tracebacks
        return [f"\x1b[0;31m{type(self).__name__}\x1b[0m: {self}"]


class ReferenceUsed(CheckFailed):
    """The learner's code called the reference implementation it was asked to write."""


class Tampering(CheckFailed):
    """Code in the notebook replaced something the tests rely on (numpy, gdlib, these checks)."""


def fail(message: str) -> None:
    """Raise :class:`CheckFailed` with ``message``."""
    __tracebackhide__ = True
    raise CheckFailed(message)


def passed(task: str) -> None:
    """Print the line a learner sees when every check of a test cell passed."""
    _guard()
    print(f"\u2714 {task}: all checks in this cell passed.")


# --------------------------------------------------------------------------------------------
# Is it the learner's own work?
# --------------------------------------------------------------------------------------------

def _qualname(obj) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"


def _expand(forbid: Iterable) -> list:
    """Forbidden objects: functions and classes, or every public callable of a module."""
    out = []
    for item in forbid:
        if isinstance(item, types.ModuleType):
            names = getattr(item, "__all__", None) or [
                n for n in vars(item) if not n.startswith("_")]
            for n in names:
                obj = getattr(item, n, None)
                if callable(obj) and getattr(obj, "__module__", None) == item.__name__:
                    out.append(obj)
        else:
            out.append(item)
    return out


def _codes(obj) -> list[types.CodeType]:
    """Every code object of a function or of a class's methods, nested ones included."""
    funcs = []
    if isinstance(obj, type):
        for klass in obj.__mro__:
            if klass is object:
                continue
            for v in vars(klass).values():
                if isinstance(v, (staticmethod, classmethod)):
                    v = v.__func__
                if isinstance(v, property):
                    funcs.extend(f for f in (v.fget, v.fset) if f is not None)
                elif isinstance(v, types.FunctionType):
                    funcs.append(v)
    elif isinstance(obj, types.FunctionType):
        funcs.append(obj)
    elif isinstance(obj, types.MethodType):
        funcs.append(obj.__func__)
    codes, todo = [], [f.__code__ for f in funcs]
    while todo:
        code = todo.pop()
        codes.append(code)
        todo.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
    return codes


def _functions(obj) -> list[types.FunctionType]:
    if isinstance(obj, type):
        return [f for f in (_unwrap_method(v) for k in obj.__mro__ if k is not object
                            for v in vars(k).values()) if f is not None]
    if isinstance(obj, types.MethodType):
        return [obj.__func__]
    return [obj] if isinstance(obj, types.FunctionType) else []


def _unwrap_method(v):
    if isinstance(v, (staticmethod, classmethod)):
        v = v.__func__
    return v if isinstance(v, types.FunctionType) else None


def _is_forbidden(value, forbidden: list) -> object | None:
    """Return the forbidden object that ``value`` is, wraps or copies, else None."""
    seen = 0
    while isinstance(value, functools.partial) and seen < 10:
        value, seen = value.func, seen + 1
    for f in forbidden:
        if value is f:
            return f
        if isinstance(f, type) and isinstance(value, type) and value is not f \
                and issubclass(value, f):
            return f
    return None


def not_reference(func, forbid: Iterable, name: str | None = None) -> None:
    """Fail if ``func`` is, inherits from, copies or names one of the ``forbid`` objects.

    This is the static half of the check; :func:`call` adds the dynamic half (the forbidden
    objects raise :class:`ReferenceUsed` while the learner's code runs).
    """
    __tracebackhide__ = True
    forbidden = _expand(forbid)
    if not forbidden:
        return
    name = name or getattr(func, "__name__", "your code")
    hit = _is_forbidden(func, forbidden)
    if hit is None:
        ref_codes = {c for f in forbidden for c in _codes(f)}
        if any(c in ref_codes for c in _codes(func)):
            hit = next(f for f in forbidden if set(_codes(f)) & set(_codes(func)))
    if hit is None:
        hit = _named_reference(func, forbidden)
    if hit is not None:
        raise ReferenceUsed(_reference_message(name, hit))


def _reference_message(name: str, ref) -> str:
    return (f"{name} uses {_qualname(ref)}, the reference implementation of what this task asks "
            f"you to write, so it earns no points. Implement it yourself with numpy; you may "
            f"call your own functions from earlier tasks.")


def _named_reference(func, forbidden: list):
    """Scan the bytecode for ``gdlib.x.y`` chains, globals, closures and defaults."""
    for f in _functions(func):
        g = f.__globals__
        cells = [c.cell_contents for c in (f.__closure__ or ()) if _cell_ok(c)]
        defaults = list(f.__defaults__ or ()) + list((f.__kwdefaults__ or {}).values())
        for value in cells + defaults:
            hit = _is_forbidden(value, forbidden)
            if hit is not None:
                return hit
        for code in _codes(f):
            current = None
            for ins in dis.get_instructions(code):
                if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
                    name = ins.argval
                    current = g.get(name, getattr(g.get("__builtins__"), name, None)) \
                        if name in g else None
                elif ins.opname in ("LOAD_ATTR", "LOAD_METHOD") and current is not None:
                    current = getattr(current, ins.argval, None)
                else:
                    current = None
                    continue
                hit = _is_forbidden(current, forbidden)
                if hit is not None:
                    return hit
    return None


def _cell_ok(cell) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:  # an empty cell
        return False
    return True


class _Tripwire:
    """Stands in for a forbidden object while the learner's code runs."""

    def __init__(self, ref, name: str, log: list):
        self._ref, self._name, self._log = ref, name, log
        functools.update_wrapper(self, ref, updated=())

    def __call__(self, *args, **kwargs):
        self._log.append(self._ref)
        raise ReferenceUsed(_reference_message(self._name, self._ref))

    def __getattr__(self, attr):  # e.g. a class attribute of a forbidden class
        return getattr(self._ref, attr)


@contextlib.contextmanager
def _tripwires(func, forbidden: list, name: str, log: list):
    """Replace each forbidden object, wherever gdlib or the learner's globals hold it."""
    patched = []
    namespaces = [vars(m) for n, m in list(sys.modules.items())
                  if (n == "gdlib" or n.startswith("gdlib.")) and m is not None]
    namespaces += [f.__globals__ for f in _functions(func)]
    seen_ids = set()
    for ns in namespaces:
        if id(ns) in seen_ids:
            continue
        seen_ids.add(id(ns))
        for key, value in list(ns.items()):
            for ref in forbidden:
                if value is ref:
                    patched.append((ns, key, value))
                    ns[key] = _Tripwire(ref, name, log)
    try:
        yield
    finally:
        for ns, key, value in reversed(patched):
            ns[key] = value


# --------------------------------------------------------------------------------------------
# Running the learner's function
# --------------------------------------------------------------------------------------------

def _snapshot(value):
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(_snapshot(v) for v in value) if isinstance(value, list) \
            else tuple(_snapshot(v) for v in value)
    try:
        return copy.deepcopy(value)
    except Exception:  # a function or generator: nothing to compare
        return None


def _changed(before, after) -> bool:
    if isinstance(before, np.ndarray):
        return not (isinstance(after, np.ndarray) and before.shape == after.shape
                    and np.array_equal(before, after, equal_nan=True))
    if isinstance(before, (list, tuple)) and isinstance(after, (list, tuple)):
        return len(before) != len(after) or any(
            _changed(b, a) for b, a in zip(before, after, strict=False))
    return False


def _student_traceback(err: BaseException) -> str:
    """The traceback of ``err`` without the frames of this module."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename != __file__]
    lines = traceback.format_list(frames[-4:]) if frames else []
    return "".join(lines).rstrip()


def call(func: Callable, *args, name: str | None = None, forbid: Iterable = (),
         may_change: Iterable[str] = (), changed_hint: Mapping[str, str] | None = None,
         **kwargs):
    """Call the learner's ``func(*args, **kwargs)`` and return its result.

    Parameters
    ----------
    func : callable
        The learner's function (or class, to construct an instance).
    name : str, optional
        How the messages call it (default: ``func.__name__``).
    forbid : iterable of functions, classes or modules
        Reference objects that ``func`` must not use: calling one fails the check with
        :class:`ReferenceUsed`.
    may_change : iterable of str
        Names of arguments that ``func`` is documented to change in place.
    changed_hint : mapping of argument name -> message, optional
        What to say when that argument was changed (instead of the general advice).

    Raises
    ------
    CheckFailed
        If ``func`` is not implemented yet, raises, uses a forbidden object, or changes an
        input array in place.
    """
    __tracebackhide__ = True
    _guard()
    name = name or getattr(func, "__name__", "your function")
    forbidden = _expand(forbid)
    not_reference(func, forbidden, name)
    try:
        bound = inspect.signature(func).bind_partial(*args, **kwargs).arguments
    except (TypeError, ValueError):
        bound = {f"argument {i + 1}": a for i, a in enumerate(args)} | dict(kwargs)
    before = {k: _snapshot(v) for k, v in bound.items() if k not in set(may_change)}
    log: list = []
    try:
        with _tripwires(func, forbidden, name, log):
            result = func(*args, **kwargs)
    except ReferenceUsed:
        raise
    except CheckFailed:
        raise
    except NotImplementedError:
        raise CheckFailed(f"{name} is not implemented yet: replace `raise NotImplementedError()` "
                          "with your code, run that cell, then run this one again.") from None
    except Exception as err:  # the learner's code crashed: say so, show where
        where = _student_traceback(err)
        raise CheckFailed(f"{name} raised {type(err).__name__}: {err}\n"
                          + (f"It happened here:\n{where}" if where else "")) from None
    _guard()
    if log:
        raise ReferenceUsed(_reference_message(name, log[0]))
    for key, old in before.items():
        if _changed(old, bound[key]) and (changed_hint or {}).get(key):
            raise CheckFailed(f"{name}: {changed_hint[key]}")
        if _changed(old, bound[key]):
            raise CheckFailed(
                f"{name} changed its input `{key}` in place. A function must leave its "
                f"arguments as it found them: compute into a new array (e.g. `d = {key} - y` "
                f"instead of `{key} -= y`, or work on `{key}.copy()`).")
    return result


@contextlib.contextmanager
def substitute(namespace: dict, **replacements):
    """Temporarily bind names in ``namespace`` (a notebook's ``globals()``) to other objects.

    A test of one task uses it to swap the learner's helpers from *earlier* tasks for the
    reference ones, so a mistake costs points once, on its own task::

        with checks.substitute(globals(), numerical_gradient=gdlib.gradcheck.numerical_gradient):
            ...  # test gradient_check, which calls numerical_gradient
    """
    missing = object()
    old = {k: namespace.get(k, missing) for k in replacements}
    namespace.update(replacements)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is missing:
                namespace.pop(k, None)
            else:
                namespace[k] = v


# --------------------------------------------------------------------------------------------
# Comparing results
# --------------------------------------------------------------------------------------------

def expect_finite(actual, *, name: str) -> None:
    """Fail with an overflow hint if ``actual`` holds NaN or infinity."""
    __tracebackhide__ = True
    arr = np.asarray(actual, dtype=float)
    if not np.all(np.isfinite(arr)):
        kind = "NaN" if np.any(np.isnan(arr)) else "infinity"
        fail(f"{name} returned {kind} for these inputs. With large values np.exp overflows "
             "(np.exp(1000) is inf, and inf/inf is NaN): subtract the largest logit of each "
             "row before exponentiating (the log-sum-exp trick).")


def _ratio(actual: np.ndarray, expected: np.ndarray, rtol: float = 1e-6,
           atol: float = 1e-12) -> float | None:
    """The constant c with actual ≈ c·expected (to the comparison's tolerance), if any."""
    mask = np.abs(expected) > 1e-12 * max(1.0, float(np.max(np.abs(expected))))
    if not np.any(mask):
        return None
    r = actual[mask] / expected[mask]
    c = float(np.median(r))
    if np.allclose(actual, c * expected, rtol=max(rtol, 1e-6), atol=abs(c) * atol):
        return float(np.round(c, 6))
    return None


def _factor_hint(c: float, what: str, batch: int | None) -> str | None:
    close = functools.partial(np.isclose, c, rtol=1e-6)
    if close(-1.0) and "parameters" in what:
        return (f"{what} has the right size but the opposite sign: your parameters move "
                "uphill. The step subtracts: θ ← θ - η·(direction).")
    if close(-1.0) and "gradient" in what:
        return (f"{what} has the right size but the opposite sign: it points uphill. "
                "Check its sign (prediction minus target, not target minus prediction).")
    if close(-1.0):
        return (f"{what} has the right size but the opposite sign. Check the sign of "
                "each term (a loss such as -log p is never negative).")
    if batch and batch > 1 and close(batch):
        return (f"{what} is {batch} times too large: off by a factor of N = {batch}. "
                "Did you average over the batch (divide by N) instead of summing?")
    if batch and batch > 1 and close(1.0 / batch):
        return (f"{what} is {batch} times too small: off by a factor of 1/N = 1/{batch}. "
                "Did you divide by N twice?")
    if batch and batch > 1 and close(-batch):
        return (f"{what} points uphill and is {batch} times too large: check its sign and "
                "divide by the batch size N.")
    if close(2.0) or close(0.5):
        return (f"{what} is off by a factor of {c:g}. Check the constant: "
                "d/dx x² = 2x, and a central difference divides by 2·eps.")
    return None


def _mistake_match(actual, mistakes: Mapping | None, rtol: float, atol: float) -> str | None:
    for message, wrong in (mistakes or {}).items():
        try:
            wrong = wrong() if callable(wrong) else wrong
            w = np.asarray(wrong, dtype=float)
            a = np.asarray(actual, dtype=float)
        except Exception:
            continue
        if w.shape == a.shape and np.allclose(a, w, rtol=rtol, atol=atol, equal_nan=True):
            return message
    return None


def expect_array(actual, expected, *, name: str, what: str | None = None,
                 batch: int | None = None, mistakes: Mapping | None = None,
                 rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Fail with a diagnosis unless ``actual`` matches ``expected`` (shape and values).

    Parameters
    ----------
    actual, expected : array_like
    name : str
        The learner's function, for the messages.
    what : str, optional
        What the value is ("the gradient"); default ``"the result of <name>"``.
    batch : int, optional
        The N that a mean divides by, to recognise a missing (or doubled) 1/N.
    mistakes : mapping of message -> value (or zero-argument callable returning it)
        Results of known mistakes: if ``actual`` matches one, its message is the hint.
    rtol, atol : float
        Tolerances of the comparison (``np.allclose``).
    """
    __tracebackhide__ = True
    _guard()
    what = what or f"the result of {name}"
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    expected = np.asarray(expected, dtype=float)
    try:
        arr = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        fail(f"{name} returned a {type(actual).__name__}, expected an array of shape "
             f"{expected.shape}.")
    hint = _mistake_match(arr, mistakes, rtol, atol)
    if hint and not (arr.shape == expected.shape
                     and np.allclose(arr, expected, rtol=rtol, atol=atol)):
        fail(f"{name}: {hint}")
    if arr.shape != expected.shape:
        if arr.shape == expected.T.shape and arr.ndim == 2:
            fail(f"{what} has shape {arr.shape} but should have shape {expected.shape}: it is "
                 "transposed. Check which axis is the batch (rows) and which the classes.")
        if arr.size == 1 and expected.size == 1:
            arr = arr.reshape(expected.shape)
        else:
            fail(f"{what} has shape {arr.shape} but should have shape {expected.shape}. "
                 "A gradient has the shape of the array it differentiates with respect to; "
                 "check the axis of every sum or mean (keepdims=True keeps a row or column).")
    expect_finite(arr, name=name)
    if np.allclose(arr, expected, rtol=rtol, atol=atol):
        return
    c = _ratio(arr, expected, rtol, atol)
    if c is not None:
        hint = _factor_hint(c, what, batch)
        if hint:
            fail(f"{name}: {hint}")
        fail(f"{name}: {what} is off by a constant factor {c:.4g}; check the constants of "
             "your formula.")
    err = np.abs(arr - expected)
    i = np.unravel_index(int(np.argmax(err)), err.shape) if err.ndim else ()
    fail(f"{name}: {what} is wrong. At index {tuple(int(k) for k in i)} it is "
         f"{float(arr[i]):.6g}, expected {float(expected[i]):.6g}. Compare your formula with "
         "the one in the text, term by term, on a tiny example you can do by hand.")


def expect_number(actual, expected: float, *, name: str, what: str | None = None,
                  batch: int | None = None, mistakes: Mapping | None = None,
                  rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Like :func:`expect_array` for a scalar, which must be a plain number (not an array)."""
    __tracebackhide__ = True
    _guard()
    what = what or f"the value returned by {name}"
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    if isinstance(actual, np.ndarray) and actual.ndim > 0:
        fail(f"{name} returned an array of shape {actual.shape}; it should return one number. "
             "Reduce it with np.mean (or np.sum), over every axis.")
    if not isinstance(actual, (numbers.Real, np.floating, np.integer, np.ndarray)):
        fail(f"{name} returned a {type(actual).__name__}, expected a number.")
    expect_array(float(actual), expected, name=name, what=what, batch=batch,
                 mistakes=mistakes, rtol=rtol, atol=atol)


def answered(value, *, name: str) -> None:
    """Fail unless ``value`` is a finite number: the visible half of a numeric answer's test.

    The value itself is checked by :func:`expect_answer` in the hidden tests, so that the
    student version does not give the answer away.
    """
    __tracebackhide__ = True
    _guard()
    if value is None or value is ...:
        fail(f"You have not answered yet: set {name} to a number in the answer cell "
             "and run it.")
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        fail(f"{name} should be a number, got a {type(value).__name__} ({value!r}).")
    if not np.isfinite(float(value)):
        fail(f"{name} is {value}; it should be a finite number.")


def expect_answer(value, expected: float, *, name: str, rtol: float = 0.01,
                  mistakes: Mapping | None = None) -> None:
    """Grade a short numeric answer ``value`` (a variable the learner set).

    ``mistakes`` maps a message to a wrong answer that a known mistake produces; it is
    compared with the same relative tolerance.
    """
    __tracebackhide__ = True
    answered(value, name=name)
    value = float(value)
    if np.isclose(value, expected, rtol=rtol, atol=0.0):
        return
    for message, wrong in (mistakes or {}).items():
        if np.isclose(value, float(wrong), rtol=rtol, atol=0.0):
            fail(f"{name} = {value:g} is not right: {message}")
    fail(f"{name} = {value:g} is not right. Recompute it step by step; the text of the "
         "question says which formula to use and how many digits are needed.")


def expect_optimizer(make: Callable, reference: Callable, *, name: str, kwargs: Mapping,
                     params: list[np.ndarray], grad: Callable, steps: int = 3,
                     forbid: Iterable = (), mistakes: Mapping | None = None) -> None:
    """Run the learner's optimizer and the reference side by side for ``steps`` steps.

    Parameters
    ----------
    make, reference : callable
        Optimizer classes (or factories) called as ``make(params, **kwargs)``; the
        instances update their params in place on ``opt.step(grads)``.
    params : list of float ndarray
        Starting point θ_0 (copied, never changed).
    grad : callable
        ``grad(params) -> list of arrays``, the gradients at the current params.
    mistakes : mapping of message -> factory
        Optimizers that make a known mistake, run alongside to recognise it.

    Compares the displacement θ_t - θ_0 after every step, so a step in the wrong direction
    is reported as such.
    """
    __tracebackhide__ = True
    _guard()
    mine = [np.array(p, dtype=float) for p in params]
    opt = call(make, mine, name=name, forbid=forbid, **kwargs)
    step = getattr(opt, "step", None)
    if not callable(step):
        fail(f"{name} has no step method: keep the `def step(self, grads):` line.")
    if any(a is not b for a, b in zip(getattr(opt, "params", mine), mine, strict=False)):
        fail(f"{name} must update the very arrays it was given (self.params holds them), "
             "in place: write `p -= ...`, not `p = p - ...`.")
    ours = _trajectory(reference, params, kwargs, grad, steps)
    theirs = []
    for _ in range(steps):
        before = [p.copy() for p in mine]
        call(step, grad(mine), name=f"{name}.step", forbid=forbid)
        if all(np.array_equal(b, p) for b, p in zip(before, mine, strict=False)):
            fail(f"{name}.step did not change the parameters. Update each array of "
                 "self.params in place (`p -= lr * ...`); rebinding `p = p - ...` only "
                 "changes a local name.")
        theirs.append(np.concatenate([(p - np.asarray(p0)).ravel()
                                      for p, p0 in zip(mine, params, strict=True)]))
    wrong = {msg: functools.partial(_trajectory, m, params, kwargs, grad, steps)
             for msg, m in (mistakes or {}).items()}
    expect_array(np.stack(theirs), ours, name=name, mistakes=wrong,
                 what=f"the change of the parameters over {steps} steps", rtol=1e-7,
                 atol=1e-12)


def _trajectory(make, params, kwargs, grad, steps) -> np.ndarray:
    ps = [np.array(p, dtype=float) for p in params]
    opt = make(ps, **kwargs)
    out = []
    for _ in range(steps):
        opt.step(grad(ps))
        out.append(np.concatenate([(p - p0).ravel() for p, p0 in zip(ps, params, strict=False)]))
    return np.stack(out)


# --------------------------------------------------------------------------------------------
# Tampering: what the tests rely on must stay as it was when this module was imported
# --------------------------------------------------------------------------------------------

_MISSING = object()
_WATCHED: dict[str, tuple[types.ModuleType, dict]] = {}
_NAMES: dict[str, object] = {}  # the notebook's names of np, gdlib, checks after the imports
_pending: list[str] = []


def _watch(module: types.ModuleType, names: Iterable[str] | None = None) -> None:
    ns = vars(module)
    names = [k for k in ns if not k.startswith("__")] if names is None else names
    _WATCHED[module.__name__] = (module, {k: ns[k] for k in names if k in ns})


# builtins the checks use (IPython swaps a few others, such as exit, in and out of builtins)
_BUILTINS = ("abs", "all", "any", "bool", "callable", "float", "getattr", "int", "isinstance",
             "issubclass", "iter", "len", "list", "max", "min", "next", "print", "range",
             "repr", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip")


def _interactive(func) -> bool:
    """Was ``func`` defined in a notebook (or by exec) rather than in a module's file?"""
    code = getattr(func, "__code__", None)
    return isinstance(func, types.FunctionType) and code is not None and (
        func.__module__ in (None, "__main__") or code.co_filename.startswith("<")
        or "/ipykernel_" in code.co_filename)


def _not_genuine(module: types.ModuleType) -> list[str]:
    """Functions of ``module`` defined in a notebook (replaced before we were imported)."""
    return [f"{module.__name__}.{k}" for k, v in vars(module).items() if _interactive(v)]


def _restore() -> list[str]:
    """Put back every watched name that changed; return the names."""
    changed = []
    for name, (module, snapshot) in _WATCHED.items():
        ns = vars(module)
        for k, v in snapshot.items():
            if ns.get(k, _MISSING) is not v:
                changed.append(f"{name}.{k}")
                ns[k] = v
    shell = _shell()
    if shell is not None and _NAMES:
        ns = shell.user_ns
        for k, v in _NAMES.items():
            if ns.get(k, _MISSING) is not v:
                changed.append(f"the notebook's name `{k}`")
                ns[k] = v
    return changed


def _message(changed: list[str]) -> str:
    shown = ", ".join(changed[:4]) + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
    return (f"code in this notebook replaced {shown}, which the tests rely on, so this task "
            "scores zero. The original was put back for the tasks after it. Remove every line "
            "that assigns to numpy, gdlib, builtins or `checks` (e.g. `np.allclose = ...`).")


def _guard() -> None:
    """Fail with :class:`Tampering` if anything watched changed since the last check."""
    __tracebackhide__ = True
    changed = _pending + _restore()
    _pending.clear()
    if changed:
        raise Tampering(_message(list(dict.fromkeys(changed))))


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _after_cell(*_args) -> None:
    """IPython's post_run_cell hook: undo tampering at once, fail the next check."""
    shell = _shell()
    if shell is not None and not _NAMES:  # the imports cell just ran: remember its names
        this = sys.modules[__name__]
        for k, v in list(shell.user_ns.items()):
            if not k.startswith("_") and (v is this or v is np or (
                    isinstance(v, types.ModuleType) and v.__name__.split(".")[0] == "gdlib")):
                _NAMES[k] = v
        return
    _pending.extend(_restore())


class _Sealed(types.ModuleType):
    """This module: its names cannot be rebound or deleted from outside."""

    def __setattr__(self, name, value):
        raise AttributeError(f"gdcourse.checks cannot be changed (`checks.{name} = ...`): the "
                             "tests rely on it. Remove that line; it earns no points.")

    def __delattr__(self, name):
        raise AttributeError(f"gdcourse.checks cannot be changed (`del checks.{name}`).")


def _install() -> None:
    import builtins

    import gdlib  # noqa: F401 (its modules are watched)

    bad = []
    _watch(builtins, _BUILTINS)
    for module in [np, np.linalg, np.random, sys.modules[__name__]] + [
            m for n, m in sorted(sys.modules.items())
            if m is not None and (n == "gdlib" or n.startswith("gdlib."))]:
        _watch(module)
        bad += _not_genuine(module)
    if bad:  # replaced before this module was imported: nothing pristine to restore
        _pending.extend(bad)
    shell = _shell()
    if shell is not None and _after_cell not in shell.events.callbacks["post_run_cell"]:
        shell.events.register("post_run_cell", _after_cell)
    sys.modules[__name__].__class__ = _Sealed


_install()
