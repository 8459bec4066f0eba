"""What the book ships for learners beside its pages: the course's wheel, Binder's environment
and the zip of all notebooks (``publish.py`` calls these after the HTML build).

- :func:`build_wheel`: the wheel of this checkout (``gdcourse``: gdlib, the learner's checks, the
  exercises' hidden tests). Its files carry a fixed date, so the same sources give the same
  wheel and the same SHA-256, which pins it everywhere.
- :func:`binder_files`: the published branch's ``binder/``: that wheel with its ``learner``
  extra, the Python of ``binder/runtime.txt``; not the development lock.
- :func:`write_zip`: the zip linked from the landing page, with :data:`ZIP_README`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZIP_NAME = "gradient-descent-for-neural-networks-notebooks.zip"
WHEEL_DATE = 315532800  # 1980-01-01, the earliest date a zip file can hold
RUNTIME = ROOT / "binder" / "runtime.txt"


class BundleError(RuntimeError):
    """The wheel could not be built (the message holds pip's)."""


def build_wheel(out: Path, root: Path = ROOT) -> Path:
    """Build the course's wheel from a copy of ``root`` into ``out``; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gdcourse-wheel-") as tmp:
        tree = Path(tmp) / "course"
        shutil.copytree(root, tree, ignore=shutil.ignore_patterns(
            ".git", ".venv", "_build", "build", "exercises", "release", "bench", "tests",
            "test-artifacts", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache"))
        dist = Path(tmp) / "dist"
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(WHEEL_DATE)}
        run = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "--no-index", "-w", str(dist), str(tree)],
            capture_output=True, text=True, env=env)
        wheels = sorted(dist.glob("gdcourse-*.whl"))
        if run.returncode != 0 or not wheels:
            raise BundleError(f"building the course's wheel failed:\n{run.stderr[-2000:]}")
        for old in out.glob("gdcourse-*.whl"):
            old.unlink()
        return Path(shutil.copy2(wheels[0], out / wheels[0].name))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wheel_version(wheel: Path) -> str:
    return wheel.name.split("-")[1]


def binder_files(requirement: str) -> dict[str, str]:
    """The published tree's Binder environment: the learner's, not the development lock."""
    return {
        "binder/requirements.txt": (
            "# The course's package with what its notebooks import (its learner extra), from the\n"
            "# wheel published with the book; pip checks the file against its SHA-256.\n"
            f"{requirement}\n"),
        "binder/runtime.txt": RUNTIME.read_text(encoding="utf-8"),
    }


TREE_README = """\
# {title}: the notebooks, ready to run

This branch is written by the book's publishing workflow; do not edit it (the sources are on the
default branch). It holds what the book's launch buttons open:

- `chapters/`: every chapter as a notebook that runs anywhere, with the book's outputs;
- `exercises/`: the graded exercises as learners get them;
- `binder/`: the environment Binder builds (the course's package with its `learner` extra).

The first cell of each notebook installs the course's package, version {version}, from the
book's site when it is missing: {site}
"""

ZIP_README = """\
# {title}: all notebooks

`chapters/` holds every chapter of the book and `exercises/` every graded exercise, as
notebooks, version {version}. The book itself: {site}

## Install the course's package

In a terminal, with Python 3.11 or newer (a virtual environment is a good idea):

    pip install "{requirement}"

pip downloads the package from the book's site and checks it against its SHA-256. Without a
network, install the copy in this folder instead (its dependencies must then be installed
already):

    pip install "./{wheel}[learner]"

Then open the notebooks in Jupyter (`jupyter lab`; `pip install jupyterlab` if you have none).
The first cell of each notebook installs the package the same way when it is missing, and does
nothing when it is there.

## Grade yourself

Run the last cell of an exercise: it grades the running notebook against the hidden tests and
prints your score for each task, with a hint for each failed test. Or grade a saved notebook
from a terminal, exactly as an instructor's autograder would:

    python -m gdcourse.grade exercises/ex01_losses.ipynb
"""


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip of ``files`` (name -> bytes) under one folder, with fixed dates."""
    folder = path.stem.removesuffix("-notebooks")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
