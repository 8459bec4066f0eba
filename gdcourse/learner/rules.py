"""A classifier written by the learner from rules in a task's text, checked on a set of cases.

:func:`expect_rules` runs the learner's function on every case, and when some answers are wrong
it compares the whole pattern of answers with what each modelled mistake answers on the same
cases (``>`` for ``>=``, rules out of order, NaN compared like a number, ...). Only a mistake that
gives *every* answer the learner gave is named; otherwise the message says what was observed (the
case, the answer, the right answer and why) and guesses no cause.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from . import guard
from .calling import call
from .failures import fail


@dataclass
class Case:
    """One input of a rule-based classifier and its right answer.

    ``why`` says which rule applies and with which numbers (shown when the learner's answer is
    wrong and no modelled mistake explains it).
    """

    description: str
    args: tuple
    expected: str
    why: str = ""
    kwargs: dict = field(default_factory=dict)


def _answer(func: Callable, case: Case, name: str, choices: Sequence[str], forbid) -> str:
    __tracebackhide__ = True
    got = call(func, *copy.deepcopy(case.args), name=name, forbid=forbid,
               **copy.deepcopy(case.kwargs))
    listed = ", ".join(repr(c) for c in choices)
    if got is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    if not isinstance(got, str) or got not in choices:
        fail(f"{name} returned {got!r} for {case.description}; it must return exactly one of "
             f"{listed}.")
    return got


def _model_answers(model: Callable, cases: Sequence[Case]) -> list | None:
    try:
        return [model(*copy.deepcopy(c.args), **copy.deepcopy(c.kwargs)) for c in cases]
    except Exception:  # a model that cannot run on some case explains nothing
        return None


def expect_rules(func: Callable, cases: Sequence[Case], *, name: str, choices: Sequence[str],
                 mistakes: Mapping[str, Callable] | None = None, forbid=()) -> None:
    """Fail unless ``func`` gives the expected answer on every case of ``cases``.

    Parameters
    ----------
    func : callable
        The learner's classifier.
    cases : sequence of Case
    name : str
        The function's name, for the messages.
    choices : sequence of str
        The answers the task allows.
    mistakes : mapping of message -> callable, optional
        Each callable takes a case's arguments and returns what a known mistake answers. A
        message is shown only when its model answers exactly as the learner did on *all* cases
        (and differs from the rules on at least one).
    """
    __tracebackhide__ = True
    guard.check()
    answers = [_answer(func, c, name, choices, forbid) for c in cases]
    wrong = [(c, a) for c, a in zip(cases, answers, strict=True) if a != c.expected]
    if not wrong:
        return
    named = [msg for msg, model in (mistakes or {}).items()
             if _model_answers(model, cases) == answers]
    first, got = wrong[0]
    observed = (f"For {first.description}, {name} returned {got!r}; the rules give "
                f"{first.expected!r}.")
    if len(named) == 1:
        fail(f"{name}: {named[0]}\n{observed}")
    fail(f"{name}: {observed}" + (f" {first.why}" if first.why else "")
         + (f"\n({len(wrong)} of the {len(cases)} cases of this test are answered wrongly.)"
            if len(wrong) > 1 else ""))
