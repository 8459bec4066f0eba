"""Running the learner's function the way a test should, and the frame of a test cell.

:func:`call` refuses a function that merely hands the work to ``gdlib``'s own version, reports
a crash or a ``NotImplementedError`` in words, and notices an input array changed in place.
:func:`substitute` lends a test the reference versions of earlier tasks' functions, so a mistake
costs points once. :func:`passed` prints the line a learner sees when a whole cell passed.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np

from . import guard
from .failures import CheckFailed, ReferenceUsed
from .reference import expand, not_reference, reference_message, tripwires

_HERE = str(Path(__file__).resolve().parent)


def passed(task: str) -> None:
    """Print the line a learner sees when every check of a test cell passed."""
    guard.check()
    print(f"\u2714 {task}: all checks in this cell passed.")


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
    """The traceback of ``err`` in the learner's code: no frames of the checks, of numpy or
    of any other installed package."""
    frames = [f for f in traceback.extract_tb(err.__traceback__)
              if not f.filename.startswith(_HERE) and "site-packages" not in f.filename
              and "dist-packages" not in f.filename]
    lines = traceback.format_list(frames[-4:]) if frames else []
    return "".join(lines).rstrip()


def call(func: Callable, *args, name: str | None = None, forbid: Iterable = (),
         may_change: Iterable[str] = (), changed_hint: Mapping[str, str] | None = None,
         case: str | None = None, raised_hint: str | None = None, **kwargs):
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
    case : str, optional
        The inputs in words ("two empty arrays"), for the message when ``func`` raises.
    raised_hint : str, optional
        What the task promises for these inputs, added to that message ("for empty arrays
        the task asks for 0.0").

    Raises
    ------
    CheckFailed
        If ``func`` is not implemented yet, raises, uses a forbidden object, or changes an
        input array in place.
    """
    __tracebackhide__ = True
    guard.check()
    name = name or getattr(func, "__name__", "your function")
    forbidden = expand(forbid)
    not_reference(func, forbidden, name)
    try:
        bound = inspect.signature(func).bind_partial(*args, **kwargs).arguments
    except (TypeError, ValueError):
        bound = {f"argument {i + 1}": a for i, a in enumerate(args)} | dict(kwargs)
    before = {k: _snapshot(v) for k, v in bound.items() if k not in set(may_change)}
    log: list = []
    try:
        with tripwires(func, forbidden, name, log):
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
        about = f" for {case}" if case else ""
        advice = f" {raised_hint}" if raised_hint else ""
        said = str(err).rstrip(".") or "(no message)"
        raise CheckFailed(f"{name} raised {type(err).__name__}{about}: {said}.{advice}\n"
                          + (f"It happened here:\n{where}" if where else "")) from None
    guard.check()
    if log:
        raise ReferenceUsed(reference_message(name, log[0]))
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


