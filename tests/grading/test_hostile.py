"""Broken and hostile submissions (``hostile/``), graded end to end in one batch, in the sandbox.

Every case of ``hostile.CASES`` (accidents, and one attack per kind of the threat model: harm to
other students, secrets, resources, points without solving, the feedback page) is graded by the
instructors' command with the course's settings, beside two honest students: one graded before
every attacker and one after (nbgrader grades students in the order of their names), with a
mistake of ``wrong/`` so that their grade is not simply full marks. Then:

- every case gets its stated score (the attacked or sabotaged task zero, the others full marks)
  and its feedback says what happened;
- the honest students get exactly what a clean run of their notebooks alone gives, task by task,
  hint by hint: nothing a submission does reaches the next one;
- nothing reached the host: the grading ran to its end in bounded time, every submission is
  intact, no file of Python, the course's packages or IPython's startup folders changed, no
  process of an attack is left, no file left in a temporary folder, nothing reached the
  loopback port the attacks were given; no feedback page or autograded notebook holds the token
  set in the instructor's environment, a hidden test's line, or a submission's live script;
- the outputs that could fill the grader are capped.

The test shortens the per-cell timeout to 5 s (the course's is 30 s) so that the loops cost
seconds; everything else is the course's nbgrader_config.py. ``test_class.py`` grades the same
attacks again on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
import uuid
from pathlib import Path

import hostile
import nbformat
import pytest
import wrong_submissions
from hostile import ASSIGNMENT, FULL, Listener, Where, active_content
from traitlets.config.loader import PyFileConfigLoader

from gdcourse.grading.course import Course, fill_in
from gdcourse.grading.layout import CHECKOUT, Layout
from tools.release import secrets

LAYOUT = Layout.course()

CELL_TIMEOUT = 5
TEST_CONFIG = f"c.Execute.timeout = {CELL_TIMEOUT}\nc.LimitedExecute.notebook_timeout = 60\n"
TOKEN = f"gd-instructor-token-{uuid.uuid4().hex[:12]}"
BEFORE, AFTER = "aaa-honest", "zzz-honest"  # graded first and last


def text_of(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", raw)))


def digests(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def honest_submissions(release, source) -> dict[str, nbformat.NotebookNode]:
    wrong = wrong_submissions.load(ASSIGNMENT)
    return {BEFORE: fill_in(release, source, {wrong[0].cell: wrong[0].code}),
            AFTER: fill_in(release, source, {wrong[-1].cell: wrong[-1].code})}


def test_the_course_sets_its_own_limits():
    config = PyFileConfigLoader("nbgrader_config.py", path=str(CHECKOUT)).load_config()
    assert config.Execute.timeout == 30 and config.Execute.interrupt_on_timeout
    limited = config.LimitedExecute
    assert limited.sandbox is True
    assert limited.notebook_timeout == 300 and limited.max_restarts == 3
    assert limited.memory_limit == 4 * 2**30 and limited.file_size_limit == 64 * 2**20
    assert limited.max_output_bytes == 100_000 and config.LimitOutput.max_lines == 200
    assert limited.max_notebook_output_bytes == 2_000_000
    assert limited.process_limit == 64 and limited.disk_limit == 256 * 2**20
    names = [p.__name__ for p in config.Autograde.autograde_preprocessors]
    assert names[0] == "LimitedExecute" and "Execute" not in names


@pytest.mark.slow
def test_hostile_submissions(tmp_path, monkeypatch):
    monkeypatch.setenv("GDCOURSE_INSTRUCTOR_TOKEN", TOKEN)  # the grader's environment
    students = [BEFORE, *(c.name for c in hostile.CASES), AFTER]
    bound = 8 * len(students) + 4 * (CELL_TIMEOUT + 10)
    # the token is in the course folder's name too: in the grader's command line and cwd
    # (the attacks are told the folder by a link without it: their own output shows where)
    course = Course(tmp_path / f"course-{TOKEN}", [ASSIGNMENT], config=TEST_CONFIG,
                    timeout=bound)
    (tmp_path / "course").symlink_to(course.root)
    release = nbformat.read(course.generate(ASSIGNMENT), as_version=4)
    source = nbformat.read(LAYOUT.source_notebook(ASSIGNMENT), as_version=4)
    honest = honest_submissions(release, source)
    for student, nb in honest.items():
        course.submit(ASSIGNMENT, student, nb)
    before = hostile.host_state()
    with Listener() as listener:
        where = Where(str(tmp_path / "course"), listener.port)
        for case in hostile.CASES:
            file_name, data = case.submission(release, source, where)
            folder = course.layout.submission(case.name, ASSIGNMENT)
            folder.mkdir(parents=True)
            (folder / file_name).write_bytes(data)
        submitted = digests(course.layout.submitted_dir)
        start = time.monotonic()
        course.grade(ASSIGNMENT)  # raises if the batch itself fails, or runs past the bound
        elapsed = time.monotonic() - start
    problems = []

    # every case: its score, and the feedback says what happened
    for case in hostile.CASES:
        results = {r.grade_id: r for r in course.results(ASSIGNMENT, case.name)}
        if set(results) != set(FULL):
            problems.append(f"{case.name}: graded tasks {sorted(results)}")
        for gid, points in FULL.items():
            want = 0 if gid in case.expect else points
            got = results[gid].score if gid in results else None
            if got != want:
                problems.append(f"{case.name}: {gid} scored {got}, expected {want}: "
                                f"{results[gid].hint[-300:] if gid in results else ''}")
        feedback = course.feedback_html(ASSIGNMENT, case.name)
        if not feedback.is_file():
            problems.append(f"{case.name}: no feedback page")
            continue
        said = text_of(feedback) + " " + " ".join(course.report(ASSIGNMENT, case.name)
                                                  .get("problems", []))
        if case.says not in said:
            problems.append(f"{case.name}: the feedback does not say {case.says!r}")
        if case.rejected and not course.report(ASSIGNMENT, case.name).get("rejected"):
            problems.append(f"{case.name}: not reported as rejected")

    # the honest students: exactly a clean run's grades and hints
    clean = Course(tmp_path / "clean", [ASSIGNMENT], config=TEST_CONFIG)
    clean.generate(ASSIGNMENT)
    for student, nb in honest.items():
        clean.submit(ASSIGNMENT, student, nb)
    clean.grade(ASSIGNMENT)
    for student in honest:
        got = [(r.grade_id, r.score, r.hint) for r in course.results(ASSIGNMENT, student)]
        want = [(r.grade_id, r.score, r.hint) for r in clean.results(ASSIGNMENT, student)]
        if got != want:
            problems.append(f"{student}: {got} after the attackers, {want} alone")
    assert sum(r.score for r in clean.results(ASSIGNMENT, AFTER)) < sum(FULL.values())

    # nothing reached the host, the other submissions, the loopback or the instructor's secrets
    problems += hostile.changes_on_the_host(before, where)
    if listener.received:
        problems.append(f"the loopback port received {listener.received[:3]}")
    if digests(course.layout.submitted_dir) != submitted:
        problems.append("submitted/ changed")
    assert (course.root / "gradebook.db").is_file()
    assert not list(course.root.parent.rglob("vandal.txt"))
    hidden = [line for line, of in secrets(kinds=("HIDDEN TESTS",)).items() if of == ASSIGNMENT]
    assert len(hidden) >= 5
    for page in course.layout.feedback_dir.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        text = text_of(page)
        who = page.parent.parent.name
        problems += [f"{who}: the feedback shows {line!r}" for line in hidden if line in text]
        problems += [f"{who}: the feedback page runs {found[:80]!r}"
                     for found in active_content(raw)]
        if TOKEN in raw:
            problems.append(f"{who}: the instructor's token is in the feedback page")
    for student in students:
        graded = course.autograded(ASSIGNMENT, student)
        if graded.is_file() and TOKEN in graded.read_text(encoding="utf-8"):
            problems.append(f"{student}: the instructor's token is in the autograded notebook")
    # the floods were capped: a notebook keeps at most 2 MB of a learner's output
    for student in ("printed_output", "huge_display"):
        size = course.autograded(ASSIGNMENT, student).stat().st_size
        if size > 3 * 2**20:
            problems.append(f"{student}: the autograded notebook has {size} bytes")
    assert not problems, "\n".join(problems)
    assert elapsed < bound, f"grading {len(students)} submissions took {elapsed:.0f} s"
