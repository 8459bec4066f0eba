"""Grade your own exercise notebook against the hidden tests, exactly as an instructor would.

    python -m gdcourse.grade path/to/ex01_losses.ipynb

The command works out which exercise the notebook is, copies it into a temporary nbgrader course
(with its own temporary gradebook), runs nbgrader's ``generate_assignment``, ``autograde`` and
``generate_feedback`` there, prints a score per task with the hint of every failed test, and
writes the feedback page beside your notebook as ``<name>.feedback.html``. Your notebook itself
is only read, never changed. Exit status 0 when grading ran (whatever the score), 2 when it
could not.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

from . import course as gc
from .course import SOLUTIONS, Course, GradingError, assignments, solution_cells

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n.*?### END HIDDEN TESTS\n?", re.S)


def identify(nb: nbformat.NotebookNode, path: Path, source: Path = SOLUTIONS) -> str | None:
    """The assignment whose graded cells the notebook shares most; else one named by the file."""
    best, best_score = gc.identify(nb, source)
    if best is not None and best_score >= 0.5:
        return best
    match = re.match(r"(ex\d\d)", path.name)
    if match:
        for name in assignments(source):
            if name.startswith(match.group(1)):
                return name
    return None


def _hint(text: str) -> str:
    """The learner-facing part of a failed test's message."""
    text = text.strip()
    if text.startswith(("CheckFailed: ", "ReferenceUsed: ")):
        return text.split(": ", 1)[1]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "the test failed"


def _title(title: str) -> str:
    return re.sub(r"\s*\(\d+(\.\d+)? points?\)\s*$", "", title)


def _num(x: float) -> str:
    return f"{x:g}"


def report(assignment: str, path: Path, results, feedback: Path) -> str:
    """The score table that the command prints."""
    width = max([len(_title(r.title)) for r in results] + [20]) + 2
    lines = [f"{assignment}: {path.name} graded against the hidden tests", "",
             f"  {'Task':<{width}}Score"]
    for r in results:
        mark = "\u2714" if r.passed else "\u2718"
        lines.append(f"{mark} {_title(r.title):<{width}}{_num(r.score)} / {_num(r.max_score)}")
        if not r.passed:
            for i, hint_line in enumerate(_hint(r.hint).splitlines()):
                lines.append(("    hint: " if i == 0 else "          ") + hint_line)
    total = sum(r.score for r in results)
    possible = sum(r.max_score for r in results)
    lines += ["", f"  {'Total':<{width}}{_num(total)} / {_num(possible)}", "",
              f"Feedback page: {feedback}"]
    return "\n".join(lines)


def changed_cells(nb: nbformat.NotebookNode, assignment: str,
                  source: Path = SOLUTIONS) -> list[str]:
    """What the learner changed that the grader restores or cannot find, and how to recover."""
    src = nbformat.read(gc.source_notebook(assignment, source), as_version=4)
    mine = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    notes = []
    for cell in src.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        gid = meta.get("grade_id")
        if not gid:
            continue
        kind = "answer" if meta.get("solution") else "test" if meta.get("grade") else "read-only"
        if gid not in mine:
            notes.append(f"the {kind} cell {gid!r} was deleted (or lost its nbgrader metadata): "
                         + ("its task scores zero. Download the exercise again and copy your "
                            "code into it." if kind == "answer" else
                            "the grader puts the original back, but restore it from the "
                            "original notebook so that you see what the grader sees."))
        elif kind != "answer" and HIDDEN.sub("", cell.source).strip() != \
                mine[gid].source.strip():
            notes.append(f"a {kind} cell ({gid!r}) was changed: the grader uses the original "
                         "instead, so your changes there count for nothing. Restore it from the "
                         "original notebook.")
    return notes


def grade(path: Path, assignment: str | None = None, feedback: Path | None = None,
          source: Path = SOLUTIONS) -> tuple[str, list]:
    """Grade ``path``; return the printed report and the per-task results."""
    path = Path(path)
    nb, problems = gc.read_notebook(path)
    if nb is None:
        raise GradingError(problems[0])
    found = identify(nb, path, source)
    if assignment and found and found != assignment:
        raise GradingError(f"this is exercise {found}'s notebook, not {assignment}'s: grade it "
                           f"without --assignment, or open {assignment}.ipynb.")
    assignment = assignment or found
    if assignment is None:
        raise GradingError(
            f"{path.name} is not one of this course's exercises "
            f"({', '.join(assignments(source))}); name it with --assignment")
    if not set(solution_cells(nb)) & set(solution_cells(
            nbformat.read(gc.source_notebook(assignment, source), as_version=4))):
        raise GradingError(f"{path.name} has none of {assignment}'s answer cells (their "
                           "nbgrader metadata is gone): download the exercise again and copy "
                           "your code into its answer cells.")
    problems += changed_cells(nb, assignment, source)
    feedback = Path(feedback) if feedback else path.with_name(f"{path.stem}.feedback.html")
    with tempfile.TemporaryDirectory(prefix="gdcourse-grade-") as tmp:
        course = Course(Path(tmp), [assignment], source=source)
        course.submit(assignment, "learner", path)  # a copy: the learner's file is only read
        course.grade(assignment, generate=True)
        results = course.results(assignment, "learner")
        shutil.copyfile(course.feedback_html(assignment, "learner"), feedback)
    text = report(assignment, path, results, feedback)
    if problems:
        text = "\n".join(["Before grading, note:"] + [f"  - {p}" for p in problems] + ["", text])
    return text, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gdcourse.grade", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", type=Path, help="your filled-in exercise notebook")
    parser.add_argument("--assignment", help="the exercise, e.g. ex01_losses (default: guess)")
    parser.add_argument("--feedback", type=Path,
                        help="where to write the feedback page (default: beside the notebook)")
    args = parser.parse_args(argv)
    if not args.notebook.is_file():
        print(f"{args.notebook}: no such file", file=sys.stderr)
        return 2
    try:
        text, _ = grade(args.notebook, args.assignment, args.feedback)
    except (GradingError, nbformat.reader.NotJSONError, ValueError) as err:
        print(f"Could not grade {args.notebook}: {err}\nYour notebook was not changed.",
              file=sys.stderr)
        return 2
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
