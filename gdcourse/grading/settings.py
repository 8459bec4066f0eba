"""The course's nbgrader settings, in one function that every course folder calls.

The repository's ``nbgrader_config.py``, an instructor's own course folder and the temporary
course of the self-grade command all start with ``configure(get_config())``, so a grade is
the same wherever it is given, and an installed package (no checkout) carries the settings.
appendices/instructors.md explains each bound; later lines of a ``nbgrader_config.py``
override any of them.

Autograding is sandboxed by default: every submission runs in an operating-system sandbox of its
own and its test cells run in the grader (:mod:`gdcourse.grading.sandbox`). Where no sandbox can
be made, autograding stops with a message that says why; the one explicit way to grade without
a sandbox is the line ``c.LimitedExecute.sandbox = False`` (only for notebooks whose author is
the one grading them: the self-grade command writes it into its temporary course).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from .layout import CHECKOUT, Layout

COURSE_ID = "gradient-descent"
CELL_TIMEOUT = 30  # seconds; every cell of an exercise runs in well under one with the solution


def configure(c, layout: Layout | None = None) -> None:
    """Write the course's settings into ``c``, a traitlets config (``get_config()``)."""
    from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        ClearHiddenTests,
        GetGrades,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )

    from .sandbox import LimitedExecute, StripActiveContent

    layout = layout or Layout(".")
    # --- the course and its folders (Layout owns their names) --------------------------------
    c.CourseDirectory.course_id = COURSE_ID
    for trait, folder in layout.nbgrader_directories().items():
        setattr(c.CourseDirectory, trait, folder)
    # a README beside the assignments is documentation, not part of any assignment
    c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback",
                                "README.md"]
    if os.environ.get("NBGRADER_DB_URL"):
        c.CourseDirectory.db_url = os.environ["NBGRADER_DB_URL"]
    # else: nbgrader's default, sqlite:///<course root>/gradebook.db

    # --- the student version -------------------------------------------------------------
    c.ClearSolutions.code_stub = {"python": Layout.CODE_STUB}
    c.ClearSolutions.text_stub = Layout.TEXT_STUB
    c.ClearSolutions.enforce_metadata = True
    c.ClearHiddenTests.enforce_metadata = True
    # A cell's points are shown to learners in the release: keep the marking scheme visible.

    # --- autograding: where learners' code runs (appendices/instructors.md, "Limits and threat
    # model"). nbgrader's steps, with LimitedExecute in place of Execute: each submission in a
    # sandbox of its own (no grader, gradebook, solutions, other submissions or network in
    # sight; nothing survives it), its test cells in the grader where its code cannot reach
    # them; output capped; a cell that kills the kernel scores zero and the rest still runs.
    c.Autograde.autograde_preprocessors = [LimitedExecute, IgnorePattern,
                                           ClearMetadataPreprocessor, LimitOutput,
                                           SaveAutoGrades, AssignLatePenalties,
                                           CheckCellMetadata]
    c.LimitedExecute.sandbox = True  # the explicit way out: = False (trusted notebooks only)
    c.LimitedExecute.packages = sandbox_packages()
    c.LimitedExecute.tests_in_kernel = layout.tests_in_kernel()
    c.LimitedExecute.secrets = secrets(layout, c)
    # A cell that runs for 30 s is a bug (an endless loop): interrupted, its test fails,
    # grading goes on.
    c.Execute.timeout = CELL_TIMEOUT
    c.Execute.interrupt_on_timeout = True
    c.Execute.shutdown_kernel = "immediate"  # the notebook is done: no need to wait
    message = (f"this cell ran longer than {CELL_TIMEOUT} s and was interrupted, so it scores "
               "zero. Look for an endless loop (a `while` whose condition never becomes false) "
               "or work that grows too fast.")
    c.Execute.error_on_timeout = {
        "ename": "CellTimeout",
        "evalue": f"this cell ran longer than {CELL_TIMEOUT} s and was interrupted",
        "traceback": [f"\x1b[0;31mCellTimeout\x1b[0m: {message}"],
    }
    c.LimitedExecute.notebook_timeout = 300      # seconds for one submission, all cells
    c.LimitedExecute.max_restarts = 3            # cells that may kill the kernel
    c.LimitedExecute.memory_limit = 4 * 2**30    # address space of each process: 4 GiB
    c.LimitedExecute.total_memory_limit = 6 * 2**30  # a sandbox's processes together (cgroup)
    c.LimitedExecute.process_limit = 64          # processes of one sandbox
    c.LimitedExecute.file_size_limit = 64 * 2**20  # no file larger than 64 MiB
    c.LimitedExecute.disk_limit = 256 * 2**20    # the sandbox's writable folder: 256 MiB
    c.LimitedExecute.cpu_limit = 900             # CPU seconds of one process, then it is killed
    c.LimitedExecute.max_output_bytes = 100_000  # output kept per cell (every kind of output)
    c.LimitedExecute.max_notebook_output_bytes = 2_000_000  # ... and per notebook
    # ... and of what is kept, at most 200 lines per output (and 60 of a traceback).
    c.LimitOutput.max_lines = 200
    c.LimitOutput.max_traceback = 60

    # --- feedback ----------------------------------------------------------------------------
    # Feedback shows each test's message (the hint) but not the hidden tests' code, so hidden
    # tests can be reused next term (nbgrader would otherwise put them back in the feedback).
    # Nothing of a submission that could run in a browser reaches the page: its scripts, HTML
    # and event handlers are stripped, twice (StripActiveContent, then nbconvert's sanitiser).
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, StripActiveContent,
                                        CSSHTMLHeaderPreprocessor]
    c.HTMLExporter.sanitize_html = True


def sandbox_packages() -> list[str]:
    """Folders of the packages a sandboxed kernel imports besides Python's own: gdlib.

    (The course's package, gdcourse, is always bound; the Python installation and its
    site-packages too.) Found without importing them: this runs for every nbgrader command.
    """
    spec = importlib.util.find_spec("gdlib")
    return list(spec.submodule_search_locations) if spec and spec.submodule_search_locations \
        else []


def secrets(layout: Layout, c) -> list[str]:
    """What a sandbox must never see: the course folder and every folder of nbgrader's, the
    gradebook (if it is a file), the course's own sources (a checkout's ``solutions/``; the
    sandbox hides an installed package's shipped copy itself). A package folder holding one of
    them is refused (:class:`gdcourse.grading.sandbox.bwrap.Sandbox`): the sandbox binds only
    the folders it is given, so this guards against naming the wrong one."""
    root = Path(layout.root).resolve()
    paths = [root, *(root / folder for folder in layout.nbgrader_directories().values())]
    if Layout.course().root == CHECKOUT:
        paths.append(Layout.course().source_dir)
    db_url = c.CourseDirectory.get("db_url") or os.environ.get("NBGRADER_DB_URL", "")
    if isinstance(db_url, str) and db_url.startswith("sqlite:///"):
        paths.append(Path(db_url.removeprefix("sqlite:///")))
    return [str(p) for p in dict.fromkeys(paths)]
