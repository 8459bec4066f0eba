"""The course's nbgrader settings, in one function that every course folder calls.

The repository's ``nbgrader_config.py``, an instructor's own course folder and the temporary
course of the self-grade command all start with ``configure(get_config())``, so a grade is
the same wherever it is given, and an installed package (no checkout) carries the settings.
appendices/instructors.md explains each bound; later lines of a ``nbgrader_config.py``
override any of them.
"""

from __future__ import annotations

import os

from .layout import Layout

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

    from .sandbox import LimitedExecute

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

    # --- autograding: limits on learners' code (appendices/instructors.md, "Threat model") --
    # nbgrader's steps, with LimitedExecute in place of Execute: the kernel runs under resource
    # limits in a temporary folder without the notebook, with a scrubbed environment; a cell
    # that kills the kernel scores zero and the rest of the notebook still runs.
    c.Autograde.autograde_preprocessors = [LimitedExecute, IgnorePattern,
                                           ClearMetadataPreprocessor, LimitOutput,
                                           SaveAutoGrades, AssignLatePenalties,
                                           CheckCellMetadata]
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
    c.LimitedExecute.memory_limit = 4 * 2**30    # the kernel's address space: 4 GiB
    c.LimitedExecute.file_size_limit = 64 * 2**20  # no file larger than 64 MiB
    c.LimitedExecute.cpu_limit = 900             # CPU seconds of one kernel, then it is killed
    c.LimitedExecute.max_output_bytes = 100_000  # output kept per cell; the rest is dropped
    # ... and of what is kept, at most 200 lines per output (and 60 of a traceback).
    c.LimitOutput.max_lines = 200
    c.LimitOutput.max_traceback = 60

    # --- feedback ----------------------------------------------------------------------------
    # Feedback shows each test's message (the hint) but not the hidden tests' code, so hidden
    # tests can be reused next term (nbgrader would otherwise put them back in the feedback).
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
