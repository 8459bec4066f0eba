"""Grade one learner's notebook against the hidden tests, exactly as an instructor would.

What ``python -m gdcourse.grade`` runs: work out which exercise the notebook is, copy it into a
temporary nbgrader course (with its own temporary gradebook), run ``generate_assignment``,
``autograde`` and ``generate_feedback`` there, and report a score per task with the hint of
every failed test. The learner's notebook is only read, never changed.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import nbformat

from .course import Course, GradingError
from .layout import Layout
from .report import TaskResult, score_table
from .triage import identify, read_notebook


def which_assignment(nb: nbformat.NotebookNode, path: Path, origin: Layout) -> str | None:
    """The assignment whose graded cells the notebook shares most; else one named by the file."""
    best, best_score = identify(nb, origin)
    if best is not None and best_score >= 0.5:
        return best
    match = re.match(r"(ex\d\d)", path.name)
    if match:
        for name in origin.assignments():
            if name.startswith(match.group(1)):
                return name
    return None


def changed_cells(nb: nbformat.NotebookNode, assignment: str, origin: Layout) -> list[str]:
    """What the learner changed that the grader restores or cannot find, and how to recover."""
    src = Layout.read(origin.source_notebook(assignment))
    mine = {Layout.grade_id(c): c for c in nb.cells}
    notes = []
    for cell in src["cells"]:
        kind, gid = Layout.kind(cell), Layout.grade_id(cell)
        if kind is None:
            continue
        if gid not in mine:
            notes.append(f"the {kind} cell {gid!r} was deleted (or lost its nbgrader metadata): "
                         + ("its task scores zero. Download the exercise again and copy your "
                            "code into it." if kind == "answer" else
                            "the grader puts the original back, but restore it from the "
                            "original notebook so that you see what the grader sees."))
        elif kind != "answer" and Layout.without_hidden_tests(Layout.text(cell)).strip() != \
                mine[gid].source.strip():
            notes.append(f"a {kind} cell ({gid!r}) was changed: the grader uses the original "
                         "instead, so your changes there count for nothing. Restore it from the "
                         "original notebook.")
    return notes


def grade(path: Path, assignment: str | None = None, feedback: Path | None = None,
          origin: Layout | None = None) -> tuple[str, list[TaskResult]]:
    """Grade ``path``; return the printed report and the per-task results.

    ``origin`` is where the assignments and their hidden tests are read (default: the
    course's own, :meth:`Layout.course`; an instructor's private set with ``--source``).
    Raises :class:`GradingError` with a message for the learner when it cannot grade.
    """
    path = Path(path)
    origin = origin or Layout.course()
    names = origin.assignments()
    if not names:
        raise GradingError(f"there are no exercises in {origin.source_dir} to grade against")
    nb, problems = read_notebook(path)
    if nb is None:
        raise GradingError(problems[0])
    found = which_assignment(nb, path, origin)
    if assignment and assignment not in names:
        raise GradingError(f"there is no exercise {assignment!r}; the exercises are "
                           f"{', '.join(names)}")
    if assignment and found and found != assignment:
        raise GradingError(f"this is exercise {found}'s notebook, not {assignment}'s: grade it "
                           f"without --assignment, or open {assignment}.ipynb.")
    assignment = assignment or found
    if assignment is None:
        raise GradingError(f"{path.name} is not one of this course's exercises "
                           f"({', '.join(names)}); name it with --assignment")
    theirs = Layout.answer_cells(Layout.read(origin.source_notebook(assignment)))
    if not set(Layout.answer_cells(nb)) & set(theirs):
        raise GradingError(f"{path.name} has none of {assignment}'s answer cells (their "
                           "nbgrader metadata is gone): download the exercise again and copy "
                           "your code into its answer cells.")
    problems += changed_cells(nb, assignment, origin)
    feedback = Path(feedback) if feedback else path.with_name(f"{path.stem}.feedback.html")
    with tempfile.TemporaryDirectory(prefix="gdcourse-grade-") as tmp:
        # the learner's own notebook, on their own machine: no sandbox (none may be available)
        course = Course(Path(tmp), [assignment], origin=origin, sandbox=False)
        course.submit(assignment, "learner", path)  # a copy: the learner's file is only read
        course.grade(assignment, generate=True)
        results = course.results(assignment, "learner")
        shutil.copyfile(course.feedback_html(assignment, "learner"), feedback)
    text = score_table(f"{assignment}: {path.name} graded against the hidden tests", results,
                       [f"Feedback page: {feedback}"])
    if problems:
        text = "\n".join(["Before grading, note:"] + [f"  - {p}" for p in problems] + ["", text])
    return text, results
