"""No solution code and no hidden test in a release or in the built book."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from gdcourse import course as gc
from gdcourse import release


def test_leak_finder_finds_a_planted_leak(tmp_path):
    secret = next(iter(release.secrets()))
    page = tmp_path / "page.html"
    page.write_text(f"<pre><span>{secret[:8]}</span>{secret[8:]}</pre>")
    (tmp_path / "nb.md").write_text("### BEGIN HIDDEN TESTS\n")
    problems = release.find_leaks([tmp_path])
    assert any("page.html" in p for p in problems)
    assert any("marker" in p for p in problems)


def test_book_release_has_no_solutions_or_hidden_tests(tmp_path):
    out = tmp_path / "exercises"
    proc = subprocess.run([sys.executable, "-m", "gdcourse.release", "--book", "--out", str(out)],
                          cwd=gc.ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = gc.assignments()
    assert sorted(p.stem for p in out.glob("*.ipynb")) == names
    assert release.find_leaks([out]) == []
    index = (out / "index.md").read_text()
    assert "python -m gdcourse.grade" in index
    for name in names:
        assert f"{{download}}`{name}.ipynb <{name}.ipynb>`" in index
        nb = nbformat.read(out / f"{name}.ipynb", as_version=4)
        assert "NotImplementedError" in "".join(c.source for c in nb.cells)
        first_code = next(c for c in nb.cells if c.cell_type == "code"
                          and "course-setup" not in c.metadata.get("tags", []))
        assert "import gdlib" in first_code.source and "gdcourse" in first_code.source
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_built_book_has_no_solutions_or_hidden_tests():
    pages = gc.ROOT / "_build" / "html" / "exercises"
    if not pages.is_dir():
        pytest.skip("the book is not built (make book)")
    built = sorted(pages.glob("*.html"))
    assert built, f"no exercise pages in {pages}"
    downloads = [p for p in (gc.ROOT / "_build" / "html" / "_downloads").rglob("ex*.ipynb")]
    sources = [p for p in (gc.ROOT / "_build" / "html" / "_sources" / "exercises").glob("*")]
    assert release.find_leaks(built + downloads + sources) == []


def test_instructors_release_folder_has_no_solutions_or_hidden_tests():
    release_dir = gc.ROOT / "release"
    if not release_dir.is_dir():
        pytest.skip("no release/ folder (nbgrader generate_assignment has not been run here)")
    assert release.find_leaks([release_dir]) == []
