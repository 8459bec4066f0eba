"""The checks that the exercises' test cells call, with feedback written for a learner.

A test cell never asserts bare conditions. It calls a check from here, which either returns
quietly or raises :class:`CheckFailed` whose message says in plain words what is wrong and what
to check ("your gradient points uphill: check its sign"). ``CheckFailed`` renders as that
message alone, without the traceback, so a failed hidden test shows its hint and never its code.

This module is the test cells' one namespace (``checks.call``, ``checks.expect_array``, ...);
each check lives with its concept:

- running the learner's function (:mod:`.calling`): :func:`call`, :func:`substitute`,
  :func:`passed`; whether it is their own work (:mod:`.reference`): :func:`not_reference`;
- comparing results (:mod:`.compare`): :func:`expect_array`, :func:`expect_number`,
  :func:`expect_finite`, :func:`expect_index`, :func:`as_number`, which name a mistake only on
  evidence (a flipped sign, a factor of N, a transposed array, or one of the ``mistakes`` the
  test models: :mod:`gdcourse.learner.mistakes`) and otherwise say what was observed;
  :func:`note` prints advice about an accepted answer;
- gradients of parameters and changes in place (:mod:`.gradients`): :func:`expect_grad`,
  :func:`expect_in_place`; optimizers (:mod:`.optimizers`): :func:`expect_optimizer`,
  :func:`agrees`, :func:`runs`; random weights (:mod:`.weights`): :func:`expect_spread`;
- short answers (:mod:`.answers`): :func:`answered`, :func:`expect_answer`,
  :func:`expect_choice`.

Learner code runs in the same kernel as the tests: :mod:`.guard` (switched on by
``checks.guard.enable()`` in the imports cell) makes a check fail when code in the notebook
replaced what the tests rely on.
"""

from . import guard
from .answers import answered, expect_answer, expect_choice
from .calling import call, passed, substitute
from .compare import as_number, expect_array, expect_finite, expect_index, expect_number, note
from .failures import CheckFailed, ReferenceUsed, Tampering, fail
from .gradients import expect_grad, expect_in_place
from .optimizers import agrees, expect_optimizer, runs
from .reference import not_reference
from .weights import expect_spread

__all__ = ["CheckFailed", "ReferenceUsed", "Tampering", "fail", "call", "expect_array",
           "expect_number", "answered", "expect_answer", "expect_finite", "expect_optimizer",
           "passed", "not_reference", "substitute", "expect_grad", "expect_in_place",
           "expect_spread", "expect_choice", "guard", "expect_index", "as_number", "note",
           "agrees", "runs"]
