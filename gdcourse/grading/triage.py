"""Before nbgrader runs a submission: can it be read, is it this exercise, is it whole?

No learner code runs here. :func:`triage` looks at one student's submitted folder and says
what it found; :func:`stage` copies a class's submissions into a folder nbgrader can grade, so
that a submission nbgrader would give up on (damaged JSON, another exercise, a renamed file)
is still graded (zero) and its feedback says why. ``submitted/`` is only read.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .layout import Layout

MAX_NOTEBOOK_BYTES = 100 * 2**20  # a larger file is not read at all
MAX_ATTACHMENT_BYTES = 2**20      # larger images pasted into Markdown cells are removed


@dataclass
class Triage:
    """What :func:`triage` found: the notebook to grade (None: it cannot be graded) and why."""

    notebook: nbformat.NotebookNode | None
    problems: list[str]

    @property
    def rejected(self) -> bool:
        return self.notebook is None


def identify(nb: nbformat.NotebookNode, origin: Layout) -> tuple[str | None, float]:
    """The assignment of ``origin`` whose graded cells the notebook shares most, and the share."""
    ids = Layout.grade_ids(nb)
    best, best_score = None, 0.0
    for name in origin.assignments():
        src = Layout.read(origin.source_notebook(name))
        theirs = set(Layout.test_cells(src)) | set(Layout.answer_cells(src))
        score = len(ids & theirs) / len(theirs) if theirs else 0.0
        if score > best_score:
            best, best_score = name, score
    return best, best_score


def read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, list[str]]:
    """Read a learner's notebook as nbformat 4; on failure, say what is wrong and what to do."""
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        return None, [f"{path.name} is {size / 2**20:.0f} MB, more than the "
                      f"{MAX_NOTEBOOK_BYTES // 2**20} MB a notebook may have: clear its outputs "
                      "(Kernel > Restart & Clear Output), remove pasted images, save and hand it "
                      "in again."]
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        return None, [f"{path.name} is not a text file ({err.reason} at byte {err.start}): "
                      "it is not a notebook. Hand in the .ipynb file itself."]
    except json.JSONDecodeError as err:
        return None, [f"{path.name} is not valid JSON ({err.msg} at line {err.lineno}, column "
                      f"{err.colno}): the file was damaged, probably cut short while saving or "
                      "uploading. Your work is not lost if you still have the notebook open: "
                      "save it again. Otherwise use the copy Jupyter keeps in "
                      ".ipynb_checkpoints/ beside it (File > Revert Notebook to Checkpoint)."]
    problems = []
    if not isinstance(data, dict) or "cells" not in data and "worksheets" not in data:
        return None, [f"{path.name} is JSON but not a notebook (it has no cells)."]
    version = data.get("nbformat")
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as err:  # nbformat cannot convert it
        return None, [f"{path.name} is a notebook that cannot be read ({err}); download the "
                      "exercise again and copy your code into it."]
    if version != 4:
        problems.append(f"{path.name} was saved in notebook format {version}; it was converted "
                        "to format 4 to be graded.")
    return nb, problems


def triage(folder: Path, assignment: str, origin: Layout) -> Triage:
    """Look at a student's submitted folder before grading (no learner code runs here)."""
    expected = folder / f"{assignment}.ipynb"
    notebooks = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    problems = []
    if expected.is_file():
        path = expected
    elif len(notebooks) == 1:
        path = notebooks[0]
        problems.append(f"the notebook is named {path.name!r}, not {expected.name!r}; it was "
                        "graded anyway. Keep the exercise's file name when you hand it in.")
    elif notebooks:
        names = ", ".join(p.name for p in notebooks)
        return Triage(None, [f"no notebook named {expected.name} but several others ({names}); "
                             f"hand in exactly one, named {expected.name}."])
    else:
        return Triage(None, [f"no notebook was handed in (expected {expected.name})."])
    nb, read_problems = read_notebook(path)
    problems += read_problems
    if nb is None:
        return Triage(None, problems)
    best, share = identify(nb, origin)
    if best is not None and best != assignment and share >= 0.5:
        return Triage(None, problems + [
            f"this is exercise {best}'s notebook, not {assignment}'s: hand in "
            f"{assignment}.ipynb (you may have uploaded the wrong file)."])
    if share == 0:
        return Triage(None, problems + [
            f"this notebook has none of {assignment}'s cells (its cells lost their nbgrader "
            "metadata, or it is another file): download the exercise again and copy your code "
            "into its answer cells."])
    ids = Layout.grade_ids(nb)
    for gid in Layout.test_cells(Layout.read(origin.source_notebook(assignment))):
        if gid not in ids:
            problems.append(f"the test cell {gid!r} was deleted, so its task scores zero. "
                            "Restore it from the original notebook (download the exercise "
                            "again) before you hand in.")
    for cell in nb.cells:
        attachments = cell.get("attachments") or {}
        big = [k for k, v in attachments.items() if len(json.dumps(v)) > MAX_ATTACHMENT_BYTES]
        for k in big:
            del attachments[k]
        if big:
            problems.append(f"images larger than {MAX_ATTACHMENT_BYTES // 2**20} MB pasted into a "
                            f"Markdown cell were left out ({', '.join(big)}).")
        if cell.cell_type == "markdown":  # a link to a missing attachment breaks the feedback
            cell.source = re.sub(
                r"!?\[([^\]]*)\]\(attachment:([^)\s]+)\)",
                lambda m, kept=attachments: m.group(0) if m.group(2) in kept else
                f"[{m.group(1)}: image left out]", cell.source)
    return Triage(nb, problems)


def _notice(problems: list[str], rejected: bool) -> nbformat.NotebookNode:
    head = ("**This submission could not be graded**, so every task scores zero:"
            if rejected else "**Notes from the grader** (the notebook was graded):")
    return nbformat.v4.new_markdown_cell("\n".join([head, ""] + [f"- {p}" for p in problems]))


def stage(course: Layout, assignment: str, students: list[str], staged: Path,
          fail: dict[str, str] | None = None) -> dict[str, dict]:
    """Copy each student's submission into ``staged`` in a form nbgrader can grade.

    A readable notebook of this exercise is staged as ``<assignment>.ipynb`` (format 4,
    renamed if needed, huge attachments removed). One that cannot be graded is replaced by
    the student version with a notice on top, so it is graded (zero) and gets feedback saying
    why. ``fail`` forces the latter with the given reason. ``submitted/`` is only read.
    """
    release = nbformat.read(course.release_notebook(assignment), as_version=4)
    reports = {}
    for student in students:
        folder = course.submission(student, assignment)
        result = Triage(None, [fail[student]]) if fail and student in fail else \
            triage(folder, assignment, course)
        nb = result.notebook if not result.rejected else nbformat.from_dict(release)
        if result.problems:
            nb.cells.insert(0, _notice(result.problems, result.rejected))
        dst = staged / student / assignment
        dst.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, dst / f"{assignment}.ipynb")
        if (folder / "timestamp.txt").is_file():
            shutil.copyfile(folder / "timestamp.txt", dst / "timestamp.txt")
        reports[student] = {"student": student, "rejected": result.rejected,
                            "problems": result.problems}
    return reports
