"""A whole class of ex01 graded, on SQLite by one grader and on a shared PostgreSQL server by two.

The class mixes correct, partially correct (one or two of the wrong submissions of
``wrong/ex01_losses``), broken (unanswered, damaged, another exercise, renamed, a syntax error,
a deleted test cell) and hostile (every case of ``hostile/`` but the slow ones: every attack
kind of the threat model, among them the gradebook rewritten as a file and over the network)
submissions, each with a known score. Graded once without its attackers by one grader with
the default SQLite gradebook (autograde, feedback, CSV export; ``test_hostile.py`` grades every
attack on SQLite), and again, attackers included, by two graders at once that split the class
and share a PostgreSQL gradebook, with every submission made again for that course: every
grade is recorded once, equals the expected score (the honest students' too, whoever was
graded before them), the two runs agree, and no attack left anything on the host or reached
the loopback. The test grades a class of :data:`CLASS_SIZE` (every hostile and broken kind,
the rest correct or partly correct); ``bench`` grades the same kinds of class with 200
students and writes the throughput in bench/RESULTS_grading.md (:func:`grade_class` serves
both).
"""

from __future__ import annotations

import csv
import itertools
import sys
import threading
import time
from pathlib import Path

import hostile
import nbformat
import postgres
import pytest
import wrong_submissions
from hostile import FULL, Listener, Where

from gdcourse.grading.course import Course, fill_in
from gdcourse.grading.layout import Layout

LAYOUT = Layout.course()

NAME = "ex01_losses"
CHEAP_HOSTILE = [c for c in hostile.CASES if not c.slow]
CLASS_SIZE = len(CHEAP_HOSTILE) + 10  # every cheap hostile case, broken, correct and partial


def build_class(release, source, size: int, where: Where | None
                ) -> dict[str, tuple[str, bytes, float]]:
    """student -> (file name, bytes, expected total score); the attacks are told ``where``
    (None: a class without attackers, the same honest and broken students)."""
    total = sum(FULL.values())
    wrongs = wrong_submissions.load(NAME)
    points = {w.name: FULL[w.task] for w in wrongs}
    students: dict[str, tuple[str, bytes, float]] = {}

    def nb_bytes(nb) -> bytes:
        return nbformat.writes(nb).encode()

    # broken: each has a known score
    broken = {
        "unanswered": (nb_bytes(release), 0.0),
        "syntax_error": (nb_bytes(fill_in(release, source, {"mse": "def mse(pred, target)\n"})),
                         total - FULL["test_mse"]),
    }
    for case in CHEAP_HOSTILE if where is not None else []:
        name, data = case.submission(release, source, where)
        students[f"h-{case.name}"] = (name, data, case.score())
    pairs = [(a, b) for a, b in itertools.combinations(wrongs, 2) if a.cell != b.cell]
    mixes = [[w] for w in wrongs] + [list(p) for p in pairs]
    i, size = 0, size - (0 if where is not None else len(CHEAP_HOSTILE))
    while len(students) < size:
        kind = i % 10
        sid = f"s{i:03d}"
        if kind < 4:  # correct
            students[sid] = (f"{NAME}.ipynb", nb_bytes(fill_in(release, source)), total)
        elif kind < 8:  # partially correct: one or two mistakes
            mix = mixes[i % len(mixes)]
            nb = fill_in(release, source, {w.cell: w.code for w in mix})
            lost = sum({w.task: points[w.name] for w in mix}.values())
            students[sid] = (f"{NAME}.ipynb", nb_bytes(nb), total - lost)
        else:
            key = sorted(broken)[i % len(broken)]
            students[sid] = (f"{NAME}.ipynb", broken[key][0], broken[key][1])
        i += 1
    return students


def submit_all(course: Course, students) -> None:
    for sid, (file_name, data, _) in students.items():
        folder = course.layout.submission(sid, NAME)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / file_name).write_bytes(data)


def gradebook_scores(course: Course) -> dict[str, list[tuple[str, float]]]:
    """student -> [(grade name, score)] straight from the gradebook, duplicates included."""
    from nbgrader.api import Gradebook

    out: dict[str, list] = {}
    with Gradebook(course.db_url) as gb:
        assignment = gb.find_assignment(NAME)
        for sub in assignment.submissions:
            for nb in sub.notebooks:
                out.setdefault(sub.student.id, []).extend(
                    (g.name, float(g.score or 0)) for g in nb.grades)
    return out


def check_grades(scores, students) -> list[str]:
    problems = []
    if set(scores) != set(students):
        problems.append(f"students in the gradebook: {len(scores)}, in the class: "
                        f"{len(students)}; missing {sorted(set(students) - set(scores))[:5]}")
    for sid, grades in scores.items():
        names = [g for g, _ in grades]
        if sorted(names) != sorted(FULL):
            problems.append(f"{sid}: grades {names}")
        total = sum(s for _, s in grades)
        if sid in students and total != students[sid][2]:
            problems.append(f"{sid}: {total}, expected {students[sid][2]}")
    return problems


def rate(n: int, seconds: float) -> str:
    return f"{n} submissions in {seconds:.0f} s = {60 * n / seconds:.1f} per minute"


def grade_class(root: Path, size: int) -> dict[str, float]:
    """Grade a class of ``size`` both ways under ``root``; seconds of each run. Raises on a problem.

    One grader with the default SQLite gradebook (autograde, feedback, CSV export) grades the
    class without its attackers (``test_hostile.py`` grades every attack on SQLite, beside
    honest students graded before and after); then two graders at once sharing a PostgreSQL
    gradebook grade the whole class, attackers included, each half of it. The honest students
    (``s...``) come after the attackers (``h-...``) in nbgrader's order.
    """
    course = Course(root / "sqlite", [NAME], timeout=3600)
    release = nbformat.read(course.generate(NAME), as_version=4)
    source = nbformat.read(LAYOUT.source_notebook(NAME), as_version=4)
    before = hostile.host_state()
    with Listener() as listener:
        where = Where(str(course.root), listener.port)
        students = build_class(release, source, size, None)
        submit_all(course, students)

        start = time.monotonic()
        course.run(("autograde", NAME))
        seconds = {"autograde_sqlite": time.monotonic() - start}
        start = time.monotonic()
        course.run(("feedback", NAME))
        seconds["feedback_sqlite"] = time.monotonic() - start
    n = len(students)
    print(f"\none grader, SQLite: autograde {rate(n, seconds['autograde_sqlite'])}; "
          f"feedback {rate(n, seconds['feedback_sqlite'])}", file=sys.stderr)
    scores = gradebook_scores(course)
    problems = check_grades(scores, students)
    missing = [s for s in students if not course.feedback_html(NAME, s).is_file()]
    if missing:
        problems.append(f"no feedback for {len(missing)}: {missing[:5]}")

    rows = list(csv.DictReader(course.export(root / "grades.csv").open()))
    exported = {r["student_id"]: float(r["score"]) for r in rows if r["assignment"] == NAME}
    if len(rows) != len(students) or exported != {s: v[2] for s, v in students.items()}:
        problems.append(f"grades.csv: {len(rows)} rows; differs for "
                        f"{[s for s in students if exported.get(s) != students[s][2]][:5]}")
    problems += hostile.changes_on_the_host(before, where)
    problems += [f"the loopback port received {r[:60]!r}" for r in listener.received]
    assert not problems, "\n".join(problems[:30])

    why = postgres.unavailable()
    if why:
        pytest.fail(f"cannot test the shared gradebook: {why}")
    with postgres.server() as url, Listener() as listener:
        shared = Course(root / "postgres", [NAME], timeout=3600, db_url=url)
        shared.generate(NAME)
        where = Where(str(shared.root), listener.port)
        everyone = build_class(release, source, size, where)
        assert len(everyone) >= size
        assert {f"h-{c.name}" for c in CHEAP_HOSTILE} <= set(everyone)
        submit_all(shared, everyone)
        halves = [sorted(everyone)[0::2], sorted(everyone)[1::2]]
        errors: list[BaseException] = []

        def grader(half):
            try:
                shared.run(("autograde", f"{NAME}:{','.join(half)}"))
            except BaseException as err:  # noqa: BLE001 (reported below)
                errors.append(err)

        start = time.monotonic()
        threads = [threading.Thread(target=grader, args=(h,)) for h in halves]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds["autograde_postgres_2"] = time.monotonic() - start
        print(f"two graders, PostgreSQL: autograde "
              f"{rate(len(everyone), seconds['autograde_postgres_2'])}", file=sys.stderr)
        assert not errors, errors[0]
        again = gradebook_scores(shared)
    problems = check_grades(again, everyone) + hostile.changes_on_the_host(before, where)
    problems += [f"the loopback port received {r[:60]!r}" for r in listener.received]
    assert not problems, "\n".join(problems[:30])
    assert {s: sorted(again[s]) for s in scores} == \
        {s: sorted(g) for s, g in scores.items()}, "the second run gave other grades"
    return seconds | {"students": n, "students_postgres": len(everyone)}


@pytest.mark.slow
def test_a_whole_class(tmp_path):
    grade_class(tmp_path, CLASS_SIZE)
