"""What a learner reads after grading: each task's score and the hint of each failed test.

One place for it, whoever graded: nbgrader's autograde (the instructors' pipeline and the
self-grade command read its gradebook and its autograded notebook) and the grade run inside the
notebook (:func:`gdcourse.learner.grade_this_notebook`) both end in :class:`TaskResult` and
print :func:`score_table`, so a learner gets the same words from both. Standard library only:
it runs in a learner's kernel too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .layout import Layout

ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LEARNER_FACING = ("CheckFailed: ", "ReferenceUsed: ", "Tampering: ")


@dataclass
class TaskResult:
    """The outcome of one graded test cell."""

    grade_id: str
    title: str
    score: float
    max_score: float
    hint: str  # the failed test's message ("Name: message"), "" when the cell passed

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


def error_text(cell: Mapping) -> str:
    """The error a test cell's outputs end with, as ``"Name: message"`` ("" if none)."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            text = "\n".join(out.get("traceback") or [f"{out.get('ename')}: {out.get('evalue')}"])
            return ANSI.sub("", text).strip()
    return ""


def hint(text: str) -> str:
    """The learner-facing part of a failed test's message."""
    text = text.strip()
    if text.startswith(_LEARNER_FACING):
        return text.split(": ", 1)[1]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "the test failed"


def _title(title: str) -> str:
    return re.sub(r"\s*\(\d+(\.\d+)? points?\)\s*$", "", title)


def _num(x: float) -> str:
    return f"{x:g}"


def score_table(heading: str, results: Sequence[TaskResult], footer: Sequence[str] = ()) -> str:
    """The table the self-grade command and the in-notebook grade print."""
    width = max([len(_title(r.title)) for r in results] + [20]) + 2
    lines = [heading, "", f"  {'Task':<{width}}Score"]
    for r in results:
        mark = "\u2714" if r.passed else "\u2718"
        lines.append(f"{mark} {_title(r.title):<{width}}{_num(r.score)} / {_num(r.max_score)}")
        if not r.passed:
            for i, hint_line in enumerate(hint(r.hint).splitlines()):
                lines.append(("    hint: " if i == 0 else "          ") + hint_line)
    total = sum(r.score for r in results)
    possible = sum(r.max_score for r in results)
    lines += ["", f"  {'Total':<{width}}{_num(total)} / {_num(possible)}"]
    if footer:
        lines += ["", *footer]
    return "\n".join(lines)


def plain_feedback_page(assignment: str, nb: Mapping) -> str:
    """A feedback page without nbconvert: the grader's notes, each task and its message."""
    rows = []
    for cell in nb["cells"]:
        text = Layout.text(cell)
        if cell.get("cell_type") == "markdown" and text.startswith("**"):  # the grader's notes
            rows.append(f"<pre>{html.escape(text)}</pre>")
    for cell in Layout.test_cells(nb).values():
        error = error_text(cell)
        rows.append(f"<h3>{html.escape(Layout.task_title(cell))}</h3><p>"
                    + (html.escape(error.splitlines()[-1]) if error else "passed") + "</p>")
    return f"<html><body><h1>{assignment}</h1>{''.join(rows)}</body></html>"
