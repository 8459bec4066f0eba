"""The first cell of every chapter and exercise: make the course's code available.

A notebook opened on its own (Colab, Binder, a JupyterHub, a plain local Jupyter without this
repository) has no ``gdlib``. Its first cell installs the course package at the matching release,
quietly, and says plainly what to do when that is impossible (no network). When the code is already
importable it does nothing. The cell is tagged ``remove-cell`` so the rendered book hides it.

Usage::

    python -m tools.bootstrap apply chapters/*.ipynb solutions/*/*.ipynb   # insert or update
    python -m tools.bootstrap check chapters/*.ipynb solutions/*/*.ipynb   # exit 1 if stale

Exit status: 0 done (or every setup cell current); 1 a setup cell is missing or stale, or a
notebook cannot be read; 2 wrong arguments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

from gdcourse import __version__

REPOSITORY = "https://github.com/gradient-descent-course/gradient-descent-course"
TAG = "course-setup"

SOURCE = f'''# Setup: make the course's code available when this notebook runs on its own
# (Colab, Binder, a JupyterHub). It does nothing when the code is already installed.
import importlib.util
import subprocess
import sys

COURSE_VERSION = "{__version__}"
if importlib.util.find_spec("gdlib") is None:
    print(f"Installing the course's code (gdcourse {{COURSE_VERSION}}) ...")
    errors = []
    for spec in (f"gdcourse=={{COURSE_VERSION}}",
                 f"gdcourse @ git+{REPOSITORY}@v{{COURSE_VERSION}}"):
        run = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", spec],
                             capture_output=True, text=True)
        if run.returncode == 0:
            importlib.invalidate_caches()
            print("Installed.")
            break
        errors.append(run.stderr.strip().splitlines()[-1:] or ["pip failed"])
    else:
        raise RuntimeError(
            "Could not install the course's code: " + "; ".join(e[0] for e in errors)
            + f". Check your internet connection, or run `pip install gdcourse=={{COURSE_VERSION}}`"
            " yourself (or clone the course repository), then run this cell again.")'''


def make_cell() -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(SOURCE)
    cell.metadata["tags"] = ["remove-cell", TAG]
    cell["id"] = TAG
    return cell


def _index(nb) -> int | None:
    for i, cell in enumerate(nb.cells):
        if TAG in cell.metadata.get("tags", []):
            return i
    return None


def apply(nb: nbformat.NotebookNode) -> bool:
    """Insert the setup cell before the first code cell, or refresh it; True if changed."""
    i = _index(nb)
    if i is not None:
        if nb.cells[i].source == SOURCE:
            return False
        nb.cells[i].source = SOURCE
        return True
    first_code = next((k for k, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    nb.cells.insert(first_code, make_cell())
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bootstrap", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["apply", "check"])
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    status = 0
    for path in args.notebooks:
        try:
            nb = nbformat.read(path, as_version=4)
        except (OSError, ValueError) as err:  # missing, or not a notebook (NotJSONError)
            print(f"{path}: cannot be read ({err})", file=sys.stderr)
            status = 1
            continue
        if args.command == "check":
            i = _index(nb)
            if i is None or nb.cells[i].source != SOURCE:
                print(f"{path}: setup cell missing or stale (run `apply`)")
                status = 1
        elif apply(nb):
            nbformat.write(nb, path)
            print(f"{path}: setup cell written")
    return status


if __name__ == "__main__":
    sys.exit(main())
