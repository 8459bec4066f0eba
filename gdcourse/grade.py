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

from .course import SOLUTIONS, Course, GradingError, assignments, grade_cells, solution_cells


def identify(nb: nbformat.NotebookNode, path: Path, source: Path = SOLUTIONS) -> str | None:
    """The assignment whose graded cells the notebook shares most; else one named by the file."""
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells} - {None}
    best, best_score = None, 0.0
    for name in assignments(source):
        src = nbformat.read(source / name / f"{name}.ipynb", as_version=4)
        theirs = set(grade_cells(src)) | set(solution_cells(src))
        score = len(ids & theirs) / len(theirs) if theirs else 0.0
        if score > best_score:
            best, best_score = name, score
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


def grade(path: Path, assignment: str | None = None, feedback: Path | None = None,
          source: Path = SOLUTIONS) -> tuple[str, list]:
    """Grade ``path``; return the printed report and the per-task results."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    assignment = assignment or identify(nb, path, source)
    if assignment is None:
        raise GradingError(
            f"{path.name} is not one of this course's exercises "
            f"({', '.join(assignments(source))}); name it with --assignment")
    feedback = Path(feedback) if feedback else path.with_name(f"{path.stem}.feedback.html")
    with tempfile.TemporaryDirectory(prefix="gdcourse-grade-") as tmp:
        course = Course(Path(tmp), [assignment], source=source)
        course.submit(assignment, "learner", path)  # a copy: the learner's file is only read
        course.grade(assignment, generate=True)
        results = course.results(assignment, "learner")
        shutil.copyfile(course.feedback_html(assignment, "learner"), feedback)
    return report(assignment, path, results, feedback), results


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
        print(f"Could not grade {args.notebook}: {err}", file=sys.stderr)
        return 2
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
