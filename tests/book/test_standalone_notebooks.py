"""Notebooks opened on their own, with no repository checkout, install the course's code.

A fresh virtual environment sees the pinned third-party packages but not ``gdlib``; the only way
to the course's code is the wheel in a local folder (no network). A chapter and a released exercise
must execute there (the exercise's last cell grading it with the hidden tests from the wheel),
and with no wheel at all the setup cell must fail with a clear message. The wheel itself ships
every exercise's hidden tests and no line of its solutions, and grades a notebook from any folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest

from gdcourse.grading.course import fill_in
from gdcourse.grading.layout import BEGIN_HIDDEN, BEGIN_SOLUTION, SHIPPED, Layout
from tools import bootstrap, release

ROOT = Path(__file__).resolve().parents[2]

RUN = textwrap.dedent(
    """
    import sys, nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(sys.argv[1], as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": sys.argv[2]}}).execute()
    nbformat.write(nb, sys.argv[1])
    """
)


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    # built from a copy: an in-tree build writes build/, which two test workers would share
    tree = tmp_path_factory.mktemp("tree") / "course"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(
        ".git", ".venv", "_build", "build", "exercises", "bench", "test-artifacts", "*.egg-info",
        "__pycache__", ".pytest_cache", ".ruff_cache"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(tree)],
        check=True,
    )
    assert list(out.glob("gdcourse-*.whl")), "no wheel was built"
    return out


@pytest.fixture
def bare_python(tmp_path_factory) -> Path:
    """A new venv that sees this environment's third-party packages but not the course code.

    One per test: a test that installs the wheel must not hand it to the next.
    """
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # A view of this environment's packages without the course's own (its code, its metadata
    # and its editable-install hook), reached through a plain path line.
    view = env_dir / "third-party"
    view.mkdir()
    for entry in Path(sysconfig.get_path("purelib")).iterdir():
        name = entry.name.lower()
        if not name.startswith(("gdcourse", "gdlib", "__editable__")) and entry.suffix != ".pth":
            (view / entry.name).symlink_to(entry)
    Path(site, "outer.pth").write_text(f"{view}\n")
    probe = subprocess.run(
        [py, "-c", "import numpy, nbclient, ipykernel, pip, importlib.metadata as m\n"
                   "try:\n    m.version('gdcourse')\nexcept m.PackageNotFoundError:\n"
                   "    import gdlib"],
        capture_output=True, text=True, cwd=env_dir)
    assert "No module named 'gdlib'" in probe.stderr, probe.stderr
    return py


def _run(py: Path, nb_path: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([py, "-c", RUN, str(nb_path), str(nb_path.parent)],
                          capture_output=True, text=True, env=env, cwd=nb_path.parent)


def _offline_env(tmp: Path, wheels: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", GDLIB_STATIC="1",
               HOME=str(tmp), MPLBACKEND="Agg")
    if wheels is not None:
        env["PIP_FIND_LINKS"] = str(wheels)
    return env


def _copy(src: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(src, dst_dir / src.name))


def test_every_notebook_starts_with_the_setup_cell():
    paths = sorted(ROOT.glob("chapters/*.ipynb")) + sorted(ROOT.glob("solutions/*/*.ipynb"))
    stale = [str(p.relative_to(ROOT)) for p in paths if bootstrap.main(["check", str(p)]) != 0]
    assert stale == [], f"run `python -m tools.bootstrap apply` on: {stale}"


def test_chapter_runs_alone_after_installing_the_wheel(tmp_path, wheelhouse, bare_python):
    nb_path = _copy(ROOT / "chapters" / "02_gradients.ipynb", tmp_path / "alone")
    run = _run(bare_python, nb_path, _offline_env(tmp_path, wheelhouse))
    assert run.returncode == 0, run.stderr[-3000:]
    setup = nbformat.read(nb_path, as_version=4).cells
    text = json.dumps([c.get("outputs", []) for c in setup if c.cell_type == "code"][0])
    assert "Installed." in text


def test_released_exercise_runs_alone_and_its_visible_tests_run(tmp_path, wheelhouse, bare_python):
    release = sorted(Layout.course().release_dir.glob("*/ex01_losses/ex01_losses.ipynb")) or sorted(
        (ROOT / "exercises").glob("ex01_losses.ipynb"))
    if not release:
        pytest.fail("no released exercise: run the book build (it generates the student versions)")
    nb_path = _copy(release[0], tmp_path / "alone")
    nb = nbformat.read(nb_path, as_version=4)
    nbformat.write(nb, nb_path)
    run = subprocess.run(
        [bare_python, "-c", RUN.replace("kernel_name=\"python3\",",
                                        "kernel_name=\"python3\", allow_errors=True,"),
         str(nb_path), str(nb_path.parent)],
        capture_output=True, text=True, env=_offline_env(tmp_path, wheelhouse), cwd=nb_path.parent,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    cells = nbformat.read(nb_path, as_version=4).cells
    errors = [o for c in cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    # The student has written nothing yet: tests fail, but only because the stubs are empty.
    assert errors, "the visible tests did not run"
    assert {e.ename for e in errors} <= {"NotImplementedError", "CheckFailed"}, {
        e.ename for e in errors}
    # ... and the last cell graded it against the hidden tests that the wheel carries
    graded = "".join(o.get("text", "") for o in cells[-1].outputs)
    assert "ex01_losses: this notebook graded against the hidden tests" in graded, graded
    assert "Total" in graded and "0 / 16" in graded


def _wheel_text(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as z:
        return {n: z.read(n).decode("utf-8", errors="replace") for n in z.namelist()}


def test_wheel_ships_the_hidden_tests_and_no_solution(wheelhouse):
    files = _wheel_text(next(wheelhouse.glob("gdcourse-*.whl")))
    layout = Layout.course()
    shipped = {n: t for n, t in files.items() if n.startswith(f"gdcourse/{SHIPPED}/")}
    assert sorted(shipped) == [f"gdcourse/{SHIPPED}/{a}/{a}.ipynb" for a in layout.assignments()]
    assert not [n for n in files if n.startswith(("tools/", "solutions/", "tests/"))]
    # gdlib (the reference the tests compare with) and the models of mistakes (a solution with
    # one thing wrong) are public by design and share lines with solutions; nothing else may
    public = ("gdlib/", "gdcourse/learner/mistakes/")
    everything = release._squash("\n".join(t for n, t in files.items()
                                           if not n.startswith(public)))
    in_notebooks = release._squash("\n".join(
        Layout.text(c) for t in shipped.values() for c in json.loads(t)["cells"]))
    hidden = release.secrets(kinds=("HIDDEN TESTS",))
    solutions = release.secrets(kinds=("SOLUTION",))
    assert len(hidden) > 50 and len(solutions) > 50
    assert [line for line in hidden if line not in in_notebooks] == []
    assert [line for line in solutions if line in everything] == []
    assert BEGIN_SOLUTION not in in_notebooks and BEGIN_HIDDEN in in_notebooks


def test_the_grade_command_works_from_the_wheel_alone(tmp_path, wheelhouse, bare_python):
    env = _offline_env(tmp_path, wheelhouse)
    install = subprocess.run([bare_python, "-m", "pip", "install", "--quiet", "gdcourse"],
                             capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stderr
    source = nbformat.read(ROOT / "solutions/ex01_losses/ex01_losses.ipynb", as_version=4)
    answers = {gid: Layout.strip_solution_markers(Layout.text(c))
               for gid, c in Layout.answer_cells(source).items()}
    answers["mse_grad"] = answers["mse_grad"].replace("(pred - target)", "(target - pred)")
    mine = tmp_path / "anywhere" / "my attempt.ipynb"
    mine.parent.mkdir()
    nbformat.write(fill_in(source, source, answers), mine)
    graded = subprocess.run([bare_python, "-m", "gdcourse.grade", mine.name], cwd=mine.parent,
                            capture_output=True, text=True, env=env, timeout=600)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert "ex01_losses: my attempt.ipynb graded against the hidden tests" in graded.stdout
    assert "hint: mse_grad: the gradient has the right size but the opposite sign" in graded.stdout
    assert "14 / 16" in graded.stdout
    where = subprocess.run([bare_python, "-c", "from gdcourse.grading import Layout; "
                            "print(Layout.course().source_dir)"],
                           cwd=tmp_path, capture_output=True, text=True, env=env)
    assert where.stdout.strip().endswith(f"site-packages/gdcourse/{SHIPPED}"), where.stdout


def test_without_network_the_setup_cell_says_what_to_do(tmp_path, bare_python):
    nb = nbformat.v4.new_notebook()
    nb.cells = [bootstrap.make_cell()]
    nb_path = tmp_path / "offline.ipynb"
    nbformat.write(nb, nb_path)
    run = _run(bare_python, nb_path, _offline_env(tmp_path, None))
    assert run.returncode != 0
    assert "Could not install the course's code" in run.stderr
    assert "Check your internet connection" in run.stderr
