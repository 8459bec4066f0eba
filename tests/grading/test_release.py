"""No solution code and no hidden test in a student version: the book's and the instructors'.

Nothing here skips: the book's pages are checked where ``make test`` built them (the test fails
with the command to run when they are missing), and the instructors' release is generated here
by nbgrader, as ``nbgrader generate_assignment`` writes it.
"""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from gdcourse.grading.course import Course
from gdcourse.grading.layout import CHECKOUT, Layout
from tools import release

LAYOUT = Layout.course()


def test_leak_finder_finds_a_planted_leak(tmp_path):
    secret = next(iter(release.secrets()))
    page = tmp_path / "page.html"
    page.write_text(f"<pre><span>{secret[:8]}</span>{secret[8:]}</pre>")
    (tmp_path / "nb.md").write_text("### BEGIN HIDDEN TESTS\n")
    problems = release.find_leaks([tmp_path])
    assert any("page.html" in p for p in problems)
    assert any("marker" in p for p in problems)
    assert release.find_leaks([tmp_path / "nb.md"]) == [
        f"{tmp_path / 'nb.md'}: contains the marker '### BEGIN HIDDEN TESTS'"]


def test_every_assignment_has_secrets_to_look_for():
    found = release.secrets()
    solutions = release.secrets(kinds=("SOLUTION",))
    for name in LAYOUT.assignments():
        assert sum(n == name for n in solutions.values()) >= 3, name
        assert sum(n == name for n in found.values()) > sum(
            n == name for n in solutions.values()), f"{name}: no hidden test line to look for"


def test_book_release_has_no_solutions_or_hidden_tests(tmp_path):
    out = tmp_path / "exercises"
    proc = subprocess.run([sys.executable, "-m", "tools.release", "--book", "--out", str(out)],
                          cwd=CHECKOUT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = LAYOUT.assignments()
    assert sorted(p.stem for p in out.glob("*.ipynb")) == names
    assert release.find_leaks([out]) == []
    index = (out / "index.md").read_text()
    assert "python -m gdcourse.grade" in index and "last cell" in index
    for name in names:
        assert f"{{download}}`{name}.ipynb <{name}.ipynb>`" in index
        nb = nbformat.read(out / f"{name}.ipynb", as_version=4)
        assert "NotImplementedError" in "".join(c.source for c in nb.cells)
        first_code = next(c for c in nb.cells if c.cell_type == "code"
                          and "course-setup" not in c.metadata.get("tags", []))
        assert "import gdlib" in first_code.source and "gdcourse" in first_code.source
        assert f'grade_this_notebook("{name}")' in nb.cells[-1].source
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_instructors_release_has_no_solutions_or_hidden_tests(tmp_path):
    names = LAYOUT.assignments()
    course = Course(tmp_path / "course", names)
    course.run(*[("generate", name) for name in names])
    released = [course.release(name) for name in names]
    assert all(p.is_file() for p in released)
    assert release.find_leaks([course.layout.release_dir]) == []
    for name in names:  # the wheel's stubs are nbgrader's: what the package ships is a release
        shipped = Layout.solution_free(Layout.read(LAYOUT.source_notebook(name)))
        ours = {g: Layout.text(c) for g, c in Layout.answer_cells(shipped).items()}
        theirs = {g: Layout.text(c)
                  for g, c in Layout.answer_cells(Layout.read(course.release(name))).items()}
        assert ours == theirs, name
    planted = tmp_path / "leaky.ipynb"  # the same check fails on the source itself
    planted.write_bytes(LAYOUT.source_notebook(names[0]).read_bytes())
    assert release.find_leaks([planted])


def test_built_book_has_no_solutions_or_hidden_tests():
    html = CHECKOUT / "_build" / "html"
    pages = sorted((html / "exercises").glob("*.html"))
    if not pages:
        pytest.fail("the book is not built: run `make book` (make test builds it first)")
    downloads = sorted((html / "_downloads").rglob("ex*.ipynb"))
    sources = sorted((html / "_sources" / "exercises").glob("*"))
    names = LAYOUT.assignments()
    assert {p.stem for p in pages} >= set(names)
    assert {p.stem for p in downloads} >= set(names)
    assert sources
    assert release.find_leaks(pages + downloads + sources) == []
