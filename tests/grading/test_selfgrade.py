"""The self-grade command, end to end: ``python -m gdcourse.grade notebook.ipynb``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import nbformat
import numpy as np
import wrong_submissions

import gdlib
from gdcourse.grading.course import fill_in
from gdcourse.grading.layout import CHECKOUT, Layout
from gdcourse.learner import checks
from gdcourse.learner.mistakes import ex01 as mistakes
from gdcourse.learner.notebook import run_tests

LAYOUT = Layout.course()

# the command as a learner runs it, wherever the course is installed or checked out
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(CHECKOUT),
                                                                  os.environ.get("PYTHONPATH")]))}


def test_self_grade_a_notebook_with_one_mistake(tmp_path):
    name = "ex01_losses"
    source = nbformat.read(LAYOUT.source_notebook(name), as_version=4)
    flip = next(w for w in wrong_submissions.load(name) if w.name == "mse_grad_flipped_sign")
    mine = tmp_path / "learner" / "my attempt.ipynb"  # renamed: found by its cells, not its name
    mine.parent.mkdir()
    # the source with one mistake; its test cells are replaced by the gradebook's when graded
    nbformat.write(fill_in(source, source, {flip.cell: flip.code}), mine)
    before = mine.read_bytes()

    proc = subprocess.run([sys.executable, "-m", "gdcourse.grade", str(mine)], cwd=tmp_path,
                          env=ENV, capture_output=True, text=True, timeout=600)
    out = proc.stdout
    assert proc.returncode == 0, out + proc.stderr
    assert mine.read_bytes() == before, "the learner's notebook was changed"
    assert f"{name}: my attempt.ipynb graded against the hidden tests" in out
    assert "Task 2: mse_grad" in out and "0 / 2" in out
    assert "hint: mse_grad: the gradient has the right size but the opposite sign" in out
    assert "Total" in out and "14 / 16" in out
    feedback = mine.with_name("my attempt.feedback.html")
    assert feedback.is_file() and "points uphill" in feedback.read_text()
    assert not any(marker in feedback.read_text() for marker in Layout.MARKERS)
    assert sorted(p.name for p in mine.parent.iterdir()) == [feedback.name, mine.name]


def test_self_grade_refuses_what_is_not_an_exercise(tmp_path):
    bad = tmp_path / "notes.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), bad)
    proc = subprocess.run([sys.executable, "-m", "gdcourse.grade", str(bad)], cwd=tmp_path, env=ENV,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "is not one of this course's exercises" in proc.stderr


def _self_grade(path, *args, timeout=600):
    return subprocess.run([sys.executable, "-m", "gdcourse.grade", str(path), *args],
                          cwd=path.parent, env=ENV, capture_output=True, text=True,
                          timeout=timeout)


def test_self_grade_explains_a_damaged_notebook_and_leaves_it_alone(tmp_path):
    source = nbformat.read(LAYOUT.source_notebook("ex01_losses"), as_version=4)
    mine = tmp_path / "ex01_losses.ipynb"
    text = nbformat.writes(fill_in(source, source)).encode()
    mine.write_bytes(text[: len(text) // 3])  # cut short while saving
    before = mine.read_bytes()
    proc = _self_grade(mine, timeout=120)
    assert proc.returncode == 2
    assert "is not valid JSON" in proc.stderr and ".ipynb_checkpoints" in proc.stderr
    assert "Your notebook was not changed" in proc.stderr
    assert mine.read_bytes() == before and sorted(tmp_path.iterdir()) == [mine]


def test_self_grade_names_the_exercise_a_notebook_belongs_to(tmp_path):
    other = nbformat.read(LAYOUT.source_notebook("ex02_gradients"), as_version=4)
    mine = tmp_path / "ex01_losses.ipynb"
    nbformat.write(other, mine)
    before = mine.read_bytes()
    proc = _self_grade(mine, "--assignment", "ex01_losses", timeout=120)
    assert proc.returncode == 2
    assert "this is exercise ex02_gradients's notebook, not ex01_losses's" in proc.stderr
    assert mine.read_bytes() == before


def test_self_grade_says_a_read_only_cell_was_changed(tmp_path):
    source = nbformat.read(LAYOUT.source_notebook("ex01_losses"), as_version=4)
    nb = fill_in(source, source)
    tests = Layout.test_cells(nb)
    tests["test_mse"].source = "checks.passed('Task 1')"  # "fixing" a test
    imports = next(c for c in nb.cells if Layout.grade_id(c) == "imports")
    imports.source += "\nnp.allclose = lambda *a, **k: True"
    mine = tmp_path / "ex01_losses.ipynb"
    nbformat.write(nb, mine)
    before = mine.read_bytes()
    proc = _self_grade(mine)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "a read-only cell ('imports') was changed" in out
    assert "a test cell ('test_mse') was changed" in out and "Restore it from the original" in out
    assert "16 / 16" in out  # graded with the original cells
    assert mine.read_bytes() == before


def _private_set(tmp_path):
    """An instructor's own assignment folder: ex01 with a hidden test changed."""
    private = tmp_path / "private"
    shutil.copytree(LAYOUT.source_dir / "ex01_losses", private / "ex01_losses")
    path = private / "ex01_losses" / "ex01_losses.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = Layout.test_cells(nb)["test_smoothed_min_loss"]
    old = "checks.expect_answer(SMOOTHED_MIN_LOSS, -np.sum(_q * np.log(_q)),"
    assert old in cell.source
    cell.source = cell.source.replace(old, "checks.expect_answer(SMOOTHED_MIN_LOSS, np.log(100),")
    nbformat.write(nb, path)
    return private


def test_an_instructor_grades_against_a_private_set(tmp_path):
    private = _private_set(tmp_path)
    source = nbformat.read(LAYOUT.source_notebook("ex01_losses"), as_version=4)
    mine = tmp_path / "ex01_losses.ipynb"
    nbformat.write(fill_in(source, source), mine)
    proc = _self_grade(mine, "--source", str(private))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    q = np.array([0.91] + [0.01] * 9)  # the solution's answer: the entropy of the targets
    answer = f"SMOOTHED_MIN_LOSS = {-np.sum(q * np.log(q)):.6g} is not right"
    assert "15 / 16" in proc.stdout and answer in proc.stdout, proc.stdout

    # the same private tests, inside the notebook
    namespace = {"np": np, "gdlib": gdlib, "checks": checks, "mistakes": mistakes}
    for cell in Layout.answer_cells(source).values():
        exec(Layout.strip_solution_markers(cell.source), namespace)  # noqa: S102
    names = set(namespace)
    theirs = run_tests("ex01_losses", namespace, Layout.of_sources(private))
    ours = run_tests("ex01_losses", namespace)
    assert set(namespace) == names, "the tests left names behind"
    assert [r.score for r in ours] == [1, 2, 1, 1, 2, 1, 3, 2, 2, 1]
    assert [r.score for r in theirs] == [1, 2, 1, 1, 2, 1, 3, 2, 2, 0]
    assert "is not right" in theirs[-1].hint
