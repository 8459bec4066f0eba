"""nbgrader settings of the course: use them as they are, from the repository's root.

    nbgrader generate_assignment ex01_losses    # solutions/ex01_losses -> release/ex01_losses
    nbgrader autograde ex01_losses              # submitted/<student>/ex01_losses -> autograded/
    nbgrader generate_feedback ex01_losses      # autograded/ -> feedback/ (HTML)
    nbgrader export                             # grades.csv

appendices/instructors.md walks through the whole round trip, with and without JupyterHub.
The gradebook is SQLite, ``gradebook.db`` in the course root, unless the environment variable
``NBGRADER_DB_URL`` names another database (e.g. ``postgresql://grader@localhost/course``).
"""

import os

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

from gdcourse.sandbox import LimitedExecute

c = get_config()  # noqa: F821 (provided by the config loader)

# --- the course and its folders (nbgrader's defaults except the source folder) -------------
c.CourseDirectory.course_id = "gradient-descent"
c.CourseDirectory.source_directory = "solutions"   # solutions/<assignment>/<assignment>.ipynb
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
# solutions/README.md is documentation, not part of any assignment
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "README.md"]
if os.environ.get("NBGRADER_DB_URL"):
    c.CourseDirectory.db_url = os.environ["NBGRADER_DB_URL"]
# else: nbgrader's default, sqlite:///<course root>/gradebook.db

# --- the student version -----------------------------------------------------------------
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearSolutions.enforce_metadata = True
c.ClearHiddenTests.enforce_metadata = True
# A cell's points are shown to learners in the release: keep the marking scheme visible.

# --- autograding: limits on learners' code (appendices/instructors.md, "Threat model") ------
# nbgrader's steps, with gdcourse.sandbox.LimitedExecute in place of Execute: the kernel runs
# under resource limits in a temporary folder without the notebook, with a scrubbed
# environment; a cell that kills the kernel scores zero and the rest of the notebook still runs.
c.Autograde.autograde_preprocessors = [LimitedExecute, IgnorePattern, ClearMetadataPreprocessor,
                                       LimitOutput, SaveAutoGrades, AssignLatePenalties,
                                       CheckCellMetadata]
# Every cell of an exercise runs in well under a second with the solution; a cell that runs
# for 30 s is a bug (an endless loop) and is interrupted, its test fails, grading goes on.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
c.Execute.shutdown_kernel = "immediate"  # the notebook is done: no need to wait for the kernel
c.Execute.error_on_timeout = {
    "ename": "CellTimeout",
    "evalue": "this cell ran longer than 30 s and was interrupted",
    "traceback": ["\x1b[0;31mCellTimeout\x1b[0m: this cell ran longer than 30 s and was "
                  "interrupted, so it scores zero. Look for an endless loop (a `while` whose "
                  "condition never becomes false) or work that grows too fast."],
}
c.LimitedExecute.notebook_timeout = 300      # seconds for one submission, all cells together
c.LimitedExecute.max_restarts = 3            # cells that may kill the kernel before grading stops
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
