"""What a failed check raises: an exception whose message is the learner's hint.

``CheckFailed`` renders as its message alone, without the traceback, so a failed hidden test
shows its advice and never its code.
"""

from __future__ import annotations


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

