"""Notebooks opened on their own, with no repository checkout, install the course's code.

A fresh virtual environment sees the pinned third-party packages but not ``gdlib``; the only way
to the course's code is the wheel in a local folder (no network). A chapter and a released exercise
must execute there, and with no wheel at all the setup cell must fail with a clear message.
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
from pathlib import Path

import nbformat
import pytest

from tools import bootstrap

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
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
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
    release = sorted((ROOT / "release").glob("*/ex01_losses/ex01_losses.ipynb")) or sorted(
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


def test_without_network_the_setup_cell_says_what_to_do(tmp_path, bare_python):
    nb = nbformat.v4.new_notebook()
    nb.cells = [bootstrap.make_cell()]
    nb_path = tmp_path / "offline.ipynb"
    nbformat.write(nb, nb_path)
    run = _run(bare_python, nb_path, _offline_env(tmp_path, None))
    assert run.returncode != 0
    assert "Could not install the course's code" in run.stderr
    assert "Check your internet connection" in run.stderr
