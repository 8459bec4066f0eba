"""nbgrader settings of the course: use them as they are, from the repository's root.

    nbgrader generate_assignment ex01_losses    # solutions/ex01_losses -> release/ex01_losses
    nbgrader autograde ex01_losses              # submitted/<student>/ex01_losses -> autograded/
    nbgrader generate_feedback ex01_losses      # autograded/ -> feedback/ (HTML)
    nbgrader export                             # grades.csv

The settings themselves (folders, student-version stubs, a 30 s per-cell timeout, memory, time
and output limits, feedback without the hidden tests' code or the submissions' scripts) are in
``gdcourse/grading/settings.py``, shipped with the package so that the self-grade command and
an instructor's own course folder use the very same ones. Autograding runs each submission in
an operating-system sandbox of its own (bubblewrap) and its tests in the grader; where no
sandbox can be made it stops and says why. Only for trusted notebooks, a line below
``configure(c)`` grades without it: ``c.LimitedExecute.sandbox = False``.
appendices/instructors.md walks through the whole round trip and the threat model. The
gradebook is SQLite, ``gradebook.db`` in the course root, unless the environment variable
``NBGRADER_DB_URL`` names another database (e.g.
``postgresql+psycopg2://grader@localhost/course``). Settings added below override the course's.
"""

from gdcourse.grading.settings import configure

c = get_config()  # noqa: F821 (provided by the config loader)
configure(c)
