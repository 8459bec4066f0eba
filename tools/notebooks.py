"""Keep chapter notebooks clean: store only the outputs that nbval compares.

Chapters are executed when the book is built, so their figures never need to live in git.
The one exception is the printed numbers that the test suite compares with ``nbval --nbval-lax``:
a cell whose source contains ``# NBVAL_CHECK_OUTPUT`` keeps its text outputs, every other
output is dropped.

Usage::

    python -m tools.notebooks refresh chapters/*.ipynb   # execute, then keep checked outputs
    python -m tools.notebooks strip chapters/*.ipynb     # drop unchecked outputs only
    python -m tools.notebooks check chapters/*.ipynb     # exit 1 if a notebook is not clean
    python -m tools.notebooks check --no-outputs solutions/*/*.ipynb  # no outputs at all

Exit status: 0 done (or every notebook clean); 1 a notebook is missing or not clean (each
problem is printed); 2 wrong arguments.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import nbformat

MARKER = "# NBVAL_CHECK_OUTPUT"
TEXT_TYPES = ("text/plain",)


def _clean_output(out: dict) -> dict | None:
    """Keep a stream or the text/plain part of a result; drop images, HTML and widgets."""
    if out["output_type"] == "stream":
        return out if out.get("name") == "stdout" else None
    if out["output_type"] in ("execute_result", "display_data"):
        data = {k: v for k, v in out.get("data", {}).items() if k in TEXT_TYPES}
        if not data:
            return None
        out = nbformat.from_dict(dict(out))
        out["data"] = data
        out["metadata"] = {}
        if out["output_type"] == "execute_result":
            out["execution_count"] = None
        return out
    return None


def strip(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``nb`` with only the text outputs of ``NBVAL_CHECK_OUTPUT`` cells kept.

    A cell that keeps outputs gets an execution count (its position among the code cells):
    nbval refuses stored outputs of a cell that was never run. Every other count is cleared.
    """
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        count += 1
        cell.metadata.pop("execution", None)
        if MARKER in cell.source:
            cell.outputs = [o for o in map(_clean_output, cell.outputs) if o is not None]
        else:
            cell.outputs = []
        cell.execution_count = count if cell.outputs else None
    nb.metadata.pop("widgets", None)
    return nb


def problems(nb: nbformat.NotebookNode, *, outputs_allowed: bool = True) -> list[str]:
    """Describe every way ``nb`` differs from its stripped form.

    With ``outputs_allowed=False`` (nbgrader sources) any stored output is a problem.
    """
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.outputs and not outputs_allowed:
            found.append(f"cell {i}: stores outputs; sources keep none (clear them)")
            continue
        if cell.get("execution_count") is not None and not cell.outputs:
            found.append(f"cell {i}: has an execution count (run `strip`)")
        if cell.outputs and MARKER not in cell.source:
            found.append(f"cell {i}: stores outputs that no test compares (run `strip`)")
        for out in cell.outputs:
            if _clean_output(out) != out:
                found.append(f"cell {i}: stores a non-text output (run `strip`)")
                break
    if "widgets" in nb.metadata:
        found.append("notebook metadata stores widget state (run `strip`)")
    return found


def refresh(path: Path, timeout: int = 300) -> None:
    """Execute ``path`` in its own folder and save it with only checked outputs kept."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env_before = os.environ.get("GDLIB_STATIC")
    os.environ["GDLIB_STATIC"] = "1"
    try:
        resources = {"metadata": {"path": str(path.parent)}}
        NotebookClient(nb, timeout=timeout, resources=resources).execute()
    finally:
        if env_before is None:
            os.environ.pop("GDLIB_STATIC", None)
        else:
            os.environ["GDLIB_STATIC"] = env_before
    nbformat.write(strip(nb), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.notebooks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["refresh", "strip", "check"])
    parser.add_argument("--no-outputs", action="store_true",
                        help="with check: fail on any stored output (nbgrader sources)")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    status = 0
    for path in args.notebooks:
        if not path.is_file():
            print(f"{path}: no such notebook", file=sys.stderr)
            status = 1
            continue
        if args.command == "refresh":
            refresh(path)
            print(f"{path}: executed and stripped")
        elif args.command == "strip":
            nbformat.write(strip(nbformat.read(path, as_version=4)), path)
            print(f"{path}: stripped")
        else:
            nb = nbformat.read(path, as_version=4)
            for line in problems(nb, outputs_allowed=not args.no_outputs):
                print(f"{path}: {line}")
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
