"""Short answers: a number stored in a variable, or one word out of a few.

A numeric answer has a visible half (:func:`answered`: is it a finite number?) and a hidden half
(:func:`expect_answer`: is it right?), so the student version does not give the answer away.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence

import numpy as np

from . import guard
from .compare import note
from .failures import fail


def answered(value, *, name: str) -> None:
    """Fail unless ``value`` is a finite number: the visible half of a numeric answer's test.

    The value itself is checked by :func:`expect_answer` in the hidden tests, so that the
    student version does not give the answer away.
    """
    __tracebackhide__ = True
    guard.check()
    if value is None or value is ...:
        fail(f"You have not answered yet: set {name} to a number in the answer cell "
             "and run it.")
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "iuf":
        note(f"{name} is an array of shape {value.shape}; it is accepted as the number it "
             "holds, but a plain number is what the question asks for.")
        value = value.reshape(()).item()
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (numbers.Real, np.floating, np.integer)):
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
    value = float(np.asarray(value).reshape(()))
    if np.isclose(value, expected, rtol=rtol, atol=0.0):
        return
    for message, wrong in (mistakes or {}).items():
        if np.isclose(value, float(wrong), rtol=rtol, atol=0.0):
            fail(f"{name} = {value:g} is not right: {message}")
    fail(f"{name} = {value:.6g} is not right (the tolerance is {rtol:.2g} relative). "
         "Recompute it step by step with the formula the question names.")


def expect_choice(actual, expected: str, *, name: str, choices: Sequence[str],
                  case: str = "", why: Mapping[str, str] | None = None) -> None:
    """Fail unless ``actual`` is the word ``expected`` (one of ``choices``).

    ``case`` describes the input in words ("loss rising to inf") for the message; ``why``
    maps a wrong answer to the explanation of why it is wrong for this input. Without an
    explanation the message says only what was returned and what was expected.
    """
    __tracebackhide__ = True
    listed = ", ".join(repr(c) for c in choices)
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    if not isinstance(actual, str) or actual not in choices:
        fail(f"{name} returned {actual!r}; it must return exactly one of {listed}.")
    if actual == expected:
        return
    about = f" for {case}" if case else ""
    reason = (why or {}).get(actual, "")
    fail(f"{name} returned {actual!r}{about}, but the answer is {expected!r}."
         + (f" {reason}" if reason else ""))
