"""Every assignment, graded end to end by nbgrader as an instructor would grade it.

One test per assignment grades, in one batch: the solution (full marks), the unmodified
student version (zero, and nothing but failed tests), every wrong submission of
``wrong/<assignment>/`` (less on the task it breaks, full marks elsewhere, and its hint in the
feedback page) and every correct-but-different submission of ``right/<assignment>/`` (full
marks). Every one of them is graded a second way, inside the notebook: its cells run in a kernel
as a learner runs them, and its last cell (``grade_this_notebook``) must print the same points
as autograde, task by task. Problems are collected and reported together.

One more test grades the whole library in-process (a few minutes): besides the above, each
modelled mistake's hint must fire on its own submissions and on no other submission of any
exercise. nbgrader and the kernel grade the same checks, so end to end each exercise grades a
sample that reaches every task: for each task the first wrong submission (by file name) that
breaks it, and the first correct-but-different one per cell. ``GDCOURSE_GRADE_ALL=1`` grades
every submission end to end (``make feedback`` reports on the whole library in-process).
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys

import in_kernel
import nbformat
import pytest
import wrong_submissions

from gdcourse.grading.course import Course, fill_in
from gdcourse.grading.layout import BEGIN_HIDDEN, Layout

LAYOUT = Layout.course()

ASSIGNMENTS = LAYOUT.assignments()
MAX_TASKS = 16  # one graded cell per function or feature (issue 17): a long exercise has many


def feedback_text(path) -> str:
    raw = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", raw)))


def test_there_are_assignments_with_wrong_submissions():
    assert {"ex01_losses", "ex02_gradients", "ex03_update_rule"} <= set(ASSIGNMENTS)
    for name in ASSIGNMENTS:
        src = nbformat.read(LAYOUT.source_notebook(name), as_version=4)
        tests, cells = Layout.test_cells(src), Layout.answer_cells(src)
        assert 3 <= len(tests) <= MAX_TASKS, f"{name}: {len(tests)} graded tasks"
        wrong = wrong_submissions.load(name)
        assert wrong, f"{name}: no wrong submissions in tests/grading/wrong/{name}/"
        for w in wrong:
            assert w.cell in cells, f"{name}/{w.name}: no solution cell {w.cell!r}"
            assert set(w.tasks) <= set(tests), f"{name}/{w.name}: no test cell {w.task!r}"
        for r in wrong_submissions.load_right(name):
            assert r.cell in cells, f"{name}/right/{r.name}: no solution cell {r.cell!r}"
        for gid, cell in tests.items():
            assert BEGIN_HIDDEN in cell.source, f"{name}/{gid}: no hidden tests"
            assert Layout.points(cell) > 0, f"{name}/{gid}: no points"


def test_every_wrong_submission_names_its_mistake():
    """The `mistake:` field: a modelled mistake's id, or `-` for a hint that names none."""
    lacking = [f"tests/grading/wrong/{name}/{w.name}.py" for name in ASSIGNMENTS
               for w in wrong_submissions.load(name) if w.mistake is None]
    assert not lacking, ("these docstrings lack the `mistake:` field (the modelled mistake's "
                         "id, or `-`):\n" + "\n".join(lacking))


def test_each_hint_fires_on_its_own_mistake_only():
    """The whole library graded in-process, in a process of its own (the guard seals modules).

    Right submissions and solutions get full marks; each wrong submission loses points on its
    own task only, with its hint; and no modelled mistake's hint phrase appears in the hints of
    a submission (of any exercise) that does not make that mistake.
    """
    proc = subprocess.run([sys.executable, wrong_submissions.__file__], capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    graded = [wrong_submissions.Graded(**g) for g in json.loads(proc.stdout)]
    found = wrong_submissions.problems(graded)
    assert not found, "\n".join(found)


def sample(wrongs, rights):
    """What ``test_grading`` grades end to end: every submission with GDCOURSE_GRADE_ALL=1,
    else the first wrong one (by name) for each task it breaks and the first right one per
    cell."""
    if os.environ.get("GDCOURSE_GRADE_ALL") == "1":
        return wrongs, rights
    tasks, cells, some_wrong, some_right = set(), set(), [], []
    for w in sorted(wrongs, key=lambda w: w.name):
        if not set(w.tasks) <= tasks:
            tasks.update(w.tasks)
            some_wrong.append(w)
    for r in sorted(rights, key=lambda r: r.name):
        if r.cell not in cells:
            cells.add(r.cell)
            some_right.append(r)
    return some_wrong, some_right


def test_the_sample_reaches_every_task():
    for name in ASSIGNMENTS:
        wrongs = wrong_submissions.load(name)
        some, _ = sample(wrongs, wrong_submissions.load_right(name))
        assert {t for w in some for t in w.tasks} == {t for w in wrongs for t in w.tasks}
        assert len(some) < len(wrongs) or os.environ.get("GDCOURSE_GRADE_ALL") == "1"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grading(assignment, tmp_path):
    course = Course(tmp_path / "course", [assignment])
    release_path = course.generate(assignment)
    release = nbformat.read(release_path, as_version=4)
    source = nbformat.read(LAYOUT.source_notebook(assignment), as_version=4)
    wrongs, rights = sample(wrong_submissions.load(assignment),
                            wrong_submissions.load_right(assignment))

    submissions = {"solution": fill_in(release, source), "unmodified": release}
    for w in wrongs:
        submissions[f"wrong-{w.name}"] = fill_in(release, source, {w.cell: w.code})
    for r in rights:
        submissions[f"right-{r.name}"] = fill_in(release, source, {r.cell: r.code})
    for student, nb in submissions.items():
        course.submit(assignment, student, nb)
    course.grade(assignment)  # raises if nbgrader itself fails on any submission

    problems = []
    for student in ["solution", *(f"right-{r.name}" for r in rights)]:
        for r in course.results(assignment, student):
            if not r.passed:
                problems.append(f"{student}: {r.grade_id} scored {r.score}/{r.max_score}: "
                                f"{r.hint[:300]}")

    for r in course.results(assignment, "unmodified"):
        if r.score != 0:
            problems.append(f"unmodified: {r.grade_id} scored {r.score}, expected 0")
        if not r.hint.startswith("CheckFailed:"):
            problems.append(f"unmodified: {r.grade_id} failed with something other than a "
                            f"check: {r.hint[:300]}")
    graded = nbformat.read(course.autograded(assignment, "unmodified"), as_version=4)
    for cell in graded.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and out["ename"] not in (
                    "NotImplementedError", "CheckFailed"):
                problems.append(f"unmodified: a cell raised {out['ename']}: {out['evalue']}")

    for w in wrongs:
        student = f"wrong-{w.name}"
        for r in course.results(assignment, student):
            if r.grade_id in w.tasks and r.passed:
                problems.append(f"{w.name}: {r.grade_id} still scored full marks")
            if r.grade_id not in w.tasks and not r.passed:
                problems.append(f"{w.name}: lost points on {r.grade_id} too: {r.hint[:300]}")
        text = feedback_text(course.feedback_html(assignment, student))
        if w.hint not in text:
            hint = next((r.hint for r in course.results(assignment, student)
                         if r.grade_id in w.tasks), "")
            problems.append(f"{w.name}: feedback lacks the hint {w.hint!r}; the test said: "
                            f"{hint[:300]}")
        if any(marker in text for marker in Layout.MARKERS):
            problems.append(f"{w.name}: the feedback page shows hidden tests or solutions")
    problems += disagreements(course, assignment, submissions)
    assert not problems, "\n".join(problems)


def disagreements(course, assignment, submissions) -> list[str]:
    """Each submission graded in the notebook, against autograde's points task by task."""
    problems = []
    session = in_kernel.Session()
    try:
        for student, nb in submissions.items():
            assert 'grade_this_notebook("' + assignment + '")' in nb.cells[-1].source
            printed = session.run_all(nb)
            here = in_kernel.scores(printed)
            there = [(r.title.split(" (")[0], r.score, r.max_score)
                     for r in course.results(assignment, student)]
            if [(t.split(" (")[0], s, m) for t, s, m in here] != there:
                problems.append(f"{student}: graded in the notebook {here}, by autograde "
                                f"{there}:\n{printed}")
    finally:
        session.close()
    return problems
