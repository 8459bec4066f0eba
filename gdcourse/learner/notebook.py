"""Grade the running notebook in its own kernel: the last cell of every exercise.

    grade_this_notebook("ex01_losses")

runs each test cell of the exercise, hidden tests included, in this notebook's namespace, as
nbgrader's autograder runs them, and prints a score per task with the same hints as
``python -m gdcourse.grade``. It needs no file and no new kernel, so it works in Colab and takes
well under a second. The tests come from the course package (the installed package carries
every exercise's test cells, never its solutions) or from ``solutions/`` in a checkout.

The test cells run in the real namespace (they call ``checks.substitute(globals(), ...)``);
whatever they add or rebind is undone afterwards, so the learner's own names are as they were.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from ..grading.layout import Layout
from ..grading.report import TaskResult, score_table

_MISSING = object()


def run_tests(assignment: str, namespace: MutableMapping,
              origin: Layout | None = None) -> list[TaskResult]:
    """Run ``assignment``'s test cells in ``namespace``, in notebook order; one result each.

    A cell scores its points when it raises nothing, zero otherwise, as in nbgrader. What the
    cells print is not shown. ``origin`` is where the tests are read (default: the course's).
    Raises :class:`LookupError` when there is no such assignment.
    """
    origin = origin or Layout.course()
    path = origin.source_notebook(assignment)
    if not path.is_file():
        known = ", ".join(origin.assignments()) or "none"
        raise LookupError(f"there is no exercise {assignment!r} here (the exercises are: "
                          f"{known})")
    tests = Layout.test_cells(Layout.read(path))
    before = dict(namespace)
    results = []
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            for gid, cell in tests.items():
                points = Layout.points(cell)
                code = compile(Layout.text(cell), f"<tests of {gid}>", "exec")
                try:
                    exec(code, namespace)  # noqa: S102 (the course's own test cell)
                except (Exception, SystemExit) as err:  # the test failed: its message is the hint
                    results.append(TaskResult(gid, Layout.task_title(cell), 0.0, points,
                                              f"{type(err).__name__}: {err}"))
                else:
                    results.append(TaskResult(gid, Layout.task_title(cell), points, points, ""))
    finally:
        for key in [k for k in namespace if k not in before]:
            del namespace[key]
        for key, value in before.items():
            if namespace.get(key, _MISSING) is not value:
                namespace[key] = value
    return results


def _notebook_namespace() -> MutableMapping:
    """The running notebook's namespace (IPython's), else the caller's caller's globals."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        shell = None
    return shell.user_ns if shell is not None else sys._getframe(2).f_globals


def grade_this_notebook(assignment: str, *, source: Path | str | None = None) -> None:
    """Grade this notebook against the hidden tests and print a score per task with hints.

    Parameters
    ----------
    assignment : str
        The exercise, e.g. ``"ex01_losses"`` (the last cell of each exercise names its own).
    source : path, optional
        A folder of assignments to take the tests from (an instructor's private set) instead of
        the course's own.

    Under nbgrader (autograde or validate) it does nothing: nbgrader grades the notebook itself.
    """
    if os.environ.get("NBGRADER_EXECUTION"):
        print("nbgrader is grading this notebook; this cell leaves it to nbgrader.")
        return
    namespace = _notebook_namespace()
    origin = Layout.of_sources(source) if source is not None else None
    try:
        results = run_tests(assignment, namespace, origin)
    except LookupError as err:
        print(f"Could not grade this notebook: {err}.", file=sys.stderr)
        return
    footer = ["Graded here, with your cells as you ran them. The autograder runs the notebook",
              "from the top in a new kernel: for exactly its grade, restart the kernel and run",
              "all cells (Kernel > Restart & Run All)."]
    if any(r.hint.startswith("NameError") for r in results):
        footer.insert(0, "A name is not defined: run every cell above this one first.")
    print(score_table(f"{assignment}: this notebook graded against the hidden tests", results,
                      footer))
