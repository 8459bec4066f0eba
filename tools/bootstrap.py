"""The setup cell, first code cell of every chapter and exercise: the course's package, checked.

It makes sure that the course's package (``gdcourse``: ``gdlib`` and the exercises' checks) is
installed at the notebook's version, and does nothing when it is. It comes in two forms:

- **published** (:func:`published_source`): the book's build writes it into every notebook it
  publishes (``tools/publish.py``), with the address and SHA-256 of the wheel published with
  the book. Where the package is missing (Colab, Binder, a JupyterHub, a local Jupyter) it
  installs that wheel with ``%pip``, after checking that the site can be reached; pip refuses a
  file whose hash differs. The environment variable ``GDCOURSE_MIRROR``, the address of a copy
  of the book's site, is used instead of the site when set.
- **in the repository** (:func:`source`; ``apply`` and ``check`` below keep it in chapters/ and
  solutions/): it only checks, and says where to get a notebook that installs the package.

Both stop with a message saying what to do, and change nothing, when the package is installed
at another version, and the published one when the site cannot be reached. The cell is tagged
``remove-cell`` so the rendered book hides it.

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
from string import Template

import nbformat

from gdcourse import __version__

TAG = "course-setup"
MIRROR = "GDCOURSE_MIRROR"

#: Both forms: stop, changing nothing, when the package is installed at another version.
CHECK = '''\
try:
    installed = importlib.metadata.version("gdcourse")
except importlib.metadata.PackageNotFoundError:
    installed = None
if installed not in (None, COURSE_VERSION):
    raise RuntimeError(
        f"This notebook is for version {COURSE_VERSION} of the course, but version {installed} "
        "of its package (gdcourse) is installed here; nothing was changed. Open this notebook "
        f'from the book of version {installed}, or install version {COURSE_VERSION}$how')
if installed is None:
'''

PUBLISHED = Template('''\
# Setup: the course's package (gdlib and the exercises' checks), version $version. Where it is
# missing (Colab, Binder, a JupyterHub, your own Jupyter) this installs it from the book's site,
# checked against its SHA-256; where it is installed, it does nothing.
import importlib.metadata
import os
import urllib.request

COURSE_VERSION = "$version"
SITE = os.environ.get("$mirror", "$site").rstrip("/") + "/"
WHEEL = SITE + "$wheel"
SHA256 = "$sha256"
''' + CHECK + '''\
    try:  # without network, pip would retry for a minute before saying so
        urllib.request.urlopen(urllib.request.Request(WHEEL, method="HEAD"), timeout=30).close()
    except OSError as err:
        raise RuntimeError(
            f"Could not reach {WHEEL} ({err}), so the course's package was not installed. "
            "Check the internet connection and run this cell again.") from None
    %pip install --quiet "gdcourse[learner] @ {WHEEL}#sha256={SHA256}"
    importlib.invalidate_caches()
    try:
        importlib.metadata.version("gdcourse")
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeError("Installing the course's package failed: pip says why above.") from None
    print(f"Installed the course's package, gdcourse {COURSE_VERSION}.")''')

REPOSITORY = Template('''\
# Setup: checks that the course's package (gdlib and the exercises' checks) is installed at
# version $version. The copies of this notebook published with the book install it where it
# is missing (Colab, Binder, a JupyterHub, your own Jupyter).
import importlib.metadata

COURSE_VERSION = "$version"
''' + CHECK + '''\
    raise RuntimeError(
        "The course's package (gdcourse) is not installed. This is the repository's copy of the "
        "notebook: open it from the book instead (its launch and download buttons give a copy "
        "whose first cell installs the package), or run `make venv` in a clone of the course's "
        "repository and use its .venv.")''')


def published_source(site: str, wheel: str, sha256: str, version: str = __version__) -> str:
    """The setup cell of a published notebook: installs the wheel at ``wheel`` in ``site``."""
    how = (": '\n        f'%pip install \"gdcourse[learner] @ {WHEEL}#sha256={SHA256}\" "
           "and restart the kernel.")
    return PUBLISHED.substitute(version=version, mirror=MIRROR, site=site, wheel=wheel,
                                sha256=sha256, how=how)


def source(version: str = __version__) -> str:
    """The setup cell kept in the repository's notebooks: checks only."""
    return REPOSITORY.substitute(version=version, how=".")


SOURCE = source()


def make_cell(text: str = SOURCE) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(text)
    cell.metadata["tags"] = ["remove-cell", TAG]
    cell["id"] = TAG
    return cell


def index(nb) -> int | None:
    """Position of the setup cell in ``nb``, or None."""
    for i, cell in enumerate(nb.cells):
        if TAG in cell.metadata.get("tags", []):
            return i
    return None


def apply(nb: nbformat.NotebookNode, text: str = SOURCE) -> bool:
    """Insert the setup cell before the first code cell, or refresh it; True if changed."""
    i = index(nb)
    if i is not None:
        if nb.cells[i].source == text:
            return False
        nb.cells[i].source = text
        return True
    first_code = next((k for k, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    nb.cells.insert(first_code, make_cell(text))
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
            i = index(nb)
            if i is None or nb.cells[i].source != SOURCE:
                print(f"{path}: setup cell missing or stale (run `apply`)")
                status = 1
        elif apply(nb):
            nbformat.write(nb, path)
            print(f"{path}: setup cell written")
    return status


if __name__ == "__main__":
    sys.exit(main())
