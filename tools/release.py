"""Student versions of the exercises, for the book, and the check that nothing secret leaks.

    python -m tools.release --book           # exercises/exNN_*.ipynb and exercises/index.md
    python -m tools.release --check DIR...   # exit 1 if solution code or a hidden test shows

``--book`` runs ``nbgrader generate_assignment`` for every assignment in ``solutions/`` (in a
temporary course with a temporary gradebook) and copies the student versions into
``exercises/``, with an index page that explains how to work on them, grade them and download
them. ``exercises/`` is generated output: never edit or commit it.

``--check`` searches notebooks, HTML and Markdown files for the solution blocks' and hidden
tests' lines; the grading tests run it on a fresh release and on the built book.

Exit status: 0 written (or checked) and no leak found; 1 a leak was found (each is printed);
2 wrong arguments.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import nbformat

from gdcourse.grading.course import Course
from gdcourse.grading.layout import CHECKOUT, SECRETS, Layout

ROOT = CHECKOUT

MIN_SECRET = 16  # shorter lines (`return grad`) are too generic to count as a leak


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def secrets(origin: Layout | None = None, kinds: tuple[str, ...] = SECRETS) -> dict[str, str]:
    """Lines that only the regions of ``kinds`` contain, and the assignment they come from.

    By default the solutions and the hidden tests (what a student version must not show);
    ``kinds=("SOLUTION",)`` gives the lines that the shipped package must not hold.
    """
    origin = origin or Layout.course()
    public: list[str] = []
    hidden: list[tuple[str, str]] = []
    for name in origin.assignments():
        for cell in Layout.read(origin.source_notebook(name))["cells"]:
            text = Layout.text(cell)
            for _, body in Layout.secret_regions(text, kinds):
                hidden += [(_squash(line), name) for line in body.splitlines()]
            public.append(_squash(Layout.without_secrets(text, kinds)))
    public_text = "\n".join(public)
    # a line that is shown anyway (or contained in one that is) is no secret
    return {line: name for line, name in hidden
            if len(line) >= MIN_SECRET and line not in public_text}


def _text_of(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            nb = nbformat.reads(raw, as_version=4)
        except (ValueError, KeyError):  # not a readable notebook: search its text as it is
            return raw
        return "\n".join(c.source for c in nb.cells)
    if path.suffix in (".html", ".htm"):
        raw = re.sub(r"<[^>]+>", "", raw)
        return html.unescape(raw)
    return raw


def find_leaks(paths: Iterable[Path], origin: Layout | None = None) -> list[str]:
    """Describe every secret line or nbgrader marker found in ``paths`` (files or folders)."""
    secret = secrets(origin)
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files += [f for f in sorted(p.rglob("*")) if f.suffix in (".ipynb", ".html", ".md")]
        elif p.is_file():
            files.append(p)
    problems = []
    for f in files:
        text = _text_of(f)
        squashed = _squash(text)
        for marker in Layout.MARKERS:
            if marker in text:
                problems.append(f"{f}: contains the marker '{marker}'")
        for line, name in secret.items():
            if line in squashed:
                problems.append(f"{f}: shows a line of {name}'s solution or hidden tests: {line}")
    return problems


INDEX = """\
# Graded exercises

Each chapter from 1 to 7 has an exercise: a notebook in which you write the core of what the
chapter teaches (a loss and its gradient, a gradient check, an optimizer, ...) and tests tell
you, in plain words, what is right and what to look at. Exercise 7, the capstone, puts them
together: a network of your own, trained on the digits. Exercises are graded automatically with
[nbgrader](https://nbgrader.readthedocs.io); you can grade your own, or hand them in to a
course that uses them.

{table}

## How to work on an exercise

1. **Download** the notebook (the links above, the download button at the top of each
   exercise page, or every notebook at once in the zip linked from the book's first page), or
   open it in Colab or Binder with the launch buttons. Its first cell installs the course's
   package, published with the book, where it is missing; in a copy of the course repository
   `make venv` creates `.venv` with everything.
2. **Open it** in Jupyter and run the first cells; they import `numpy`, the course library
   `gdlib` and the tests' helpers `gdcourse.learner.checks`.
3. **Fill in** every cell that says `# YOUR CODE HERE`, deleting its
   `raise NotImplementedError()` line. Keep the function names and signatures as they are: the
   tests call them, and they match `gdlib`'s so you can compare.
4. **Run the test cell** under each task. It prints ✔ when every visible check passes, or says
   what is wrong ("your gradient points uphill: check its sign", "off by a factor of N: did you
   average over the batch?"). The visible tests are a first check only: hidden tests with other
   inputs decide the grade.
5. Do not call `gdlib`'s version of the function you are writing: a function that does gets no
   points, and the test says so.

## Grade yourself

When you are done, run the last cell of the notebook: it runs the hidden tests right there, in
the notebook's own kernel (no file needed, so it works in Colab too), and prints your score for
each task with the hint of every failed test, in well under a second. Restart the kernel and run
all cells first to see exactly the grade an instructor's autograder gives.

With the course installed (`pip install`, or a copy of the repository), the same grade comes
from nbgrader itself, on a saved notebook, from any folder:

```bash
python -m gdcourse.grade path/to/ex01_losses.ipynb
```

The command runs nbgrader's autograder with the hidden tests on a copy of your notebook (your
file is never changed), prints your score for each task with the hint of every failed test,
and writes a feedback page `ex01_losses.feedback.html` beside the notebook. The score is the
one an instructor using nbgrader would give. Run either as often as you like.

## Hand in to a course

If your course uses these exercises with nbgrader, fetch and submit them the way your
instructor says (the Assignments tab of JupyterHub, or a file upload); the appendix
[For instructors](../appendices/instructors.md) describes their side.
"""


PLACEHOLDER = """\
# Exercise {number}

This exercise is being written. Until it is published, practise with the code of
Chapter {number} and check your gradients with the gradient check of Exercise 2.
"""


def toc_exercises(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """The exercise pages that the book's table of contents lists (``exercises/exNN_name``)."""
    if not toc.is_file():
        return []
    return re.findall(r"file:\s*exercises/(ex\d\d_\w+)", toc.read_text(encoding="utf-8"))


def write_book(out: Path, origin: Layout | None = None) -> list[Path]:
    """Generate every student version into ``out`` and write ``out/index.md``.

    A page that the table of contents lists but that has no source yet gets a short
    placeholder notebook, so the book still builds.
    """
    origin = origin or Layout.course()
    names = origin.assignments()
    out.mkdir(parents=True, exist_ok=True)
    for name in sorted(set(toc_exercises()) - set(names)):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
            PLACEHOLDER.format(number=int(name[2:4])))])
        nbformat.write(nb, out / f"{name}.ipynb")
    with tempfile.TemporaryDirectory(prefix="gdcourse-release-") as tmp:
        course = Course(Path(tmp), names, origin=origin)
        course.run(*[("generate", name) for name in names])
        written = []
        for name in names:
            dst = out / f"{name}.ipynb"
            shutil.copyfile(course.release(name), dst)
            written.append(dst)
    rows = ["| Exercise | Chapter | Tasks | Points | Download |", "| --- | --- | --- | --- | --- |"]
    for dst in written:
        nb = nbformat.read(dst, as_version=4)
        title = next((c.source.splitlines()[0].lstrip("# ").strip() for c in nb.cells
                      if c.cell_type == "markdown" and c.source.startswith("# ")), dst.stem)
        tests = Layout.test_cells(nb)
        points = sum(Layout.points(c) for c in tests.values())
        chapter = int(dst.stem[2:4])
        tasks = len({Layout.task_title(c).split(":")[0] for c in tests.values()})
        rows.append(f"| [{title}]({dst.name}) | {chapter} | {tasks} | {points:g} | "
                    f"{{download}}`{dst.name} <{dst.name}>` |")
    (out / "index.md").write_text(INDEX.format(table="\n".join(rows)), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.release", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--book", action="store_true",
                       help="write the student versions and index page for the book")
    group.add_argument("--check", nargs="+", type=Path, metavar="PATH",
                       help="files or folders that must show no solution or hidden test")
    parser.add_argument("--out", type=Path, default=ROOT / "exercises",
                        help="with --book: the output folder (default: exercises/)")
    args = parser.parse_args(argv)
    if args.check:
        problems = find_leaks(args.check)
        for line in problems:
            print(line)
        print(f"{len(problems)} leak(s) found" if problems else "no leaks found")
        return 1 if problems else 0
    written = write_book(args.out)
    problems = find_leaks(written)
    for line in problems:
        print(line, file=sys.stderr)
    for path in written:
        print(f"wrote {path}")
    print(f"wrote {args.out / 'index.md'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
