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

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

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

# --- autograding -------------------------------------------------------------------------
# Every cell of an exercise runs in well under a second with the solution; a cell that runs
# for a minute is a bug (an endless loop) and is interrupted, its test fails, grading goes on.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.Execute.allow_errors = True
# Keep a learner's runaway print loop from filling the gradebook and the feedback.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 60

# --- feedback ----------------------------------------------------------------------------
# Feedback shows each test's message (the hint) but not the hidden tests' code, so hidden
# tests can be reused next term (nbgrader would otherwise put them back in the feedback).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
