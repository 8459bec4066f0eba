"""Grade your own exercise notebook against the hidden tests, exactly as an instructor would.

    python -m gdcourse.grade path/to/ex01_losses.ipynb
    gdcourse-grade path/to/ex01_losses.ipynb                      (the same, installed)

The command works out which exercise the notebook is, copies it into a temporary nbgrader course
(with its own temporary gradebook), runs nbgrader's ``generate_assignment``, ``autograde`` and
``generate_feedback`` there, prints a score per task with the hint of every failed test, and
writes the feedback page beside your notebook as ``<name>.feedback.html``. Your notebook itself
is only read, never changed. It works from any folder, with the course installed (the hidden
tests ship inside the package) or from a checkout of the course. In the notebook itself, its
last cell grades the running notebook the same way without a file.

Exit status: 0 when grading ran (whatever the score); 2 when it could not (the message says
why, and nothing was changed).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gdcourse.grade", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", type=Path, help="your filled-in exercise notebook")
    parser.add_argument("--assignment", help="the exercise, e.g. ex01_losses (default: guess)")
    parser.add_argument("--feedback", type=Path,
                        help="where to write the feedback page (default: beside the notebook)")
    parser.add_argument("--source", type=Path, metavar="DIR",
                        help="grade against the assignments in DIR (an instructor's private "
                             "set, DIR/exNN_name/exNN_name.ipynb) instead of the course's own")
    args = parser.parse_args(argv)
    if not args.notebook.is_file():
        print(f"{args.notebook}: no such file", file=sys.stderr)
        return 2
    if args.source is not None and not args.source.is_dir():
        print(f"--source {args.source}: no such folder", file=sys.stderr)
        return 2
    missing = [m for m in ("nbformat", "nbgrader") if importlib.util.find_spec(m) is None]
    if missing:  # the grading extra
        print(f"Could not grade {args.notebook}: this command needs nbgrader ({missing[0]} is "
              "not installed): pip install 'gdcourse[grading]'. Or grade inside the notebook: "
              "its last cell runs the hidden tests there.", file=sys.stderr)
        return 2
    from nbformat.reader import NotJSONError

    from .grading.course import GradingError
    from .grading.layout import Layout
    from .grading.selfgrade import grade

    origin = Layout.of_sources(args.source) if args.source else None
    try:
        text, _ = grade(args.notebook, args.assignment, args.feedback, origin)
    except (GradingError, NotJSONError, ValueError) as err:
        print(f"Could not grade {args.notebook}: {err}\nYour notebook was not changed.",
              file=sys.stderr)
        return 2
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
