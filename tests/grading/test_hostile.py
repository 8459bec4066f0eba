"""Broken and hostile submissions (``hostile/``), graded end to end in one batch.

Every case is graded beside an honest solution. For each: grading finishes (the batch within
its bound), the score is the stated one (the sabotaged task zero, the others full marks), the
learner's feedback says what happened, and the honest submission keeps full marks. The test
shortens the per-cell timeout to 5 s (the course's is 30 s) so that the loops cost seconds;
everything else is the course's nbgrader_config.py.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import hostile
import nbformat
import pytest
from traitlets.config.loader import PyFileConfigLoader

from gdcourse.grading.course import Course, fill_in
from gdcourse.grading.layout import CHECKOUT, Layout
from tools.release import secrets

LAYOUT = Layout.course()

CELL_TIMEOUT = 5
TEST_CONFIG = f"c.Execute.timeout = {CELL_TIMEOUT}\nc.LimitedExecute.notebook_timeout = 60\n"
FULL = {"test_mse": 1, "test_mse_grad": 2, "test_huber": 1, "test_huber_grad": 1,
        "test_binary_cross_entropy": 2, "test_binary_cross_entropy_grad": 1,
        "test_cross_entropy": 3, "test_cross_entropy_grad": 2,
        "test_smoothed_cross_entropy_grad": 2, "test_smoothed_min_loss": 1}
# what the learner's feedback (or the grader's notes on top of it) must say
SAYS = {
    "malformed_json": "not valid JSON",
    "other_assignment": "this is exercise ex02_gradients's notebook, not ex01_losses's",
    "renamed_file": "Copy of ex01_losses.ipynb",
    "nbformat_v3": "notebook format 3",
    "deleted_test_cell": "the test cell 'test_mse_grad' was deleted",
    "renamed_function": "name 'mse_grad' is not defined",
    "exception_at_import": "ModuleNotFoundError",
    "infinite_loop": "was interrupted",
    "loop_ignores_interrupt": "did not stop when interrupted",
    "memory_bomb": "MemoryError",
    "sys_exit": "SystemExit",
    "os_exit": "the Python kernel died while running this cell",
    "kernel_killed": "the Python kernel died while running this cell",
    "printed_output": "output cut",
    "huge_image": "image left out",
    "patch_numpy": "replaced numpy.allclose, numpy.isclose",
    "patch_checks": "gdcourse.learner.checks cannot be changed",
    "patch_reference": "replaced gdlib.losses.mse",
    "read_hidden_tests": "SMOOTHED_MIN_LOSS = 0.1 is not right",
}
EXPECT_ZERO = {
    "deleted_test_cell": {"test_mse_grad"},
    "renamed_function": {"test_mse_grad"},
    "exception_at_import": {"test_mse"},
    "infinite_loop": {"test_mse_grad"},
    "loop_ignores_interrupt": {"test_mse_grad"},
    "memory_bomb": {"test_mse_grad"},
    "sys_exit": {"test_mse"},
    "os_exit": {"test_mse_grad"},
    "kernel_killed": {"test_cross_entropy"},
    "patch_numpy": {"test_mse"},
    "patch_checks": {"test_mse"},
    "patch_reference": {"test_mse"},
    "read_hidden_tests": {"test_smoothed_min_loss"},
    "malformed_json": set(FULL),
    "other_assignment": set(FULL),
}


def text_of(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", raw)))


def test_the_course_sets_its_own_limits():
    config = PyFileConfigLoader("nbgrader_config.py", path=str(CHECKOUT)).load_config()
    assert config.Execute.timeout == 30 and config.Execute.interrupt_on_timeout
    limited = config.LimitedExecute
    assert limited.notebook_timeout == 300 and limited.max_restarts == 3
    assert limited.memory_limit == 4 * 2**30 and limited.file_size_limit == 64 * 2**20
    assert limited.max_output_bytes == 100_000 and config.LimitOutput.max_lines == 200
    names = [p.__name__ for p in config.Autograde.autograde_preprocessors]
    assert names[0] == "LimitedExecute" and "Execute" not in names


@pytest.mark.slow
def test_hostile_submissions(tmp_path):
    name = hostile.ASSIGNMENT
    course = Course(tmp_path / "course", [name], config=TEST_CONFIG)
    release = nbformat.read(course.generate(name), as_version=4)
    source = nbformat.read(LAYOUT.source_notebook(name), as_version=4)
    course.submit(name, "honest", fill_in(release, source))
    for case in hostile.CASES:
        file_name, data = case.make(release, source)
        folder = course.layout.submission(case.name, name)
        folder.mkdir(parents=True)
        (folder / file_name).write_bytes(data)
    gradebook = course.root / "gradebook.db"

    start = time.monotonic()
    course.grade(name)  # raises if the batch itself fails
    elapsed = time.monotonic() - start

    problems = []
    students = ["honest"] + [c.name for c in hostile.CASES]
    for student in students:
        results = {r.grade_id: r for r in course.results(name, student)}
        if set(results) != set(FULL):
            problems.append(f"{student}: graded tasks {sorted(results)}")
        zero = EXPECT_ZERO.get(student, set())
        for gid, points in FULL.items():
            want = 0 if gid in zero else points
            got = results[gid].score if gid in results else None
            if got != want:
                problems.append(f"{student}: {gid} scored {got}, expected {want}: "
                                f"{results[gid].hint[-300:] if gid in results else ''}")
        feedback = course.feedback_html(name, student)
        if not feedback.is_file():
            problems.append(f"{student}: no feedback page")
            continue
        said = text_of(feedback) + " " + " ".join(course.report(name, student).get("problems",
                                                                                    []))
        phrase = SAYS.get(student)
        if phrase and phrase not in said:
            problems.append(f"{student}: the feedback does not say {phrase!r}")
    for student in ("malformed_json", "other_assignment"):
        if not course.report(name, student).get("rejected"):
            problems.append(f"{student}: not reported as rejected")

    # no line of a hidden test in any feedback page, not even in a traceback
    hidden = [line for line, of in secrets(kinds=("HIDDEN TESTS",)).items() if of == name]
    assert len(hidden) >= 5
    for page in course.layout.feedback_dir.rglob("*.html"):
        text = re.sub(r"\s+", " ", text_of(page))
        problems += [f"{page.parent.parent.name}: the feedback shows {line!r}"
                     for line in hidden if line in text]
    size = course.autograded(name, "printed_output").stat().st_size
    if size > 2**20:
        problems.append(f"printed_output: the autograded notebook has {size} bytes")
    # the vandal reached nothing: the gradebook is whole, nothing was written beside the course
    assert gradebook.is_file()
    assert not list(course.root.parent.rglob("vandal.txt"))
    assert not problems, "\n".join(problems)
    # every submission within its bound: seconds for most, a cell timeout (and a restart)
    # for the loops; the 100 MB of printing is received and dropped
    bound = 15 * len(students) + 4 * (CELL_TIMEOUT + 10)
    assert elapsed < bound, f"grading {len(students)} submissions took {elapsed:.0f} s"
