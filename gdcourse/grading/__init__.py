"""The grading pipeline: nbgrader's round trip for instructors and the self-grade command.

- :mod:`.layout`: :class:`Layout`, the one owner of nbgrader's metadata, markers and folders;
- :mod:`.settings`: the course's nbgrader settings (``nbgrader_config.py`` calls them);
- :mod:`.triage`: what is looked at before a submission runs; :mod:`.pipeline`: the
  instructors' command (``python -m gdcourse.grading``) that stages, autogrades and writes
  feedback; :mod:`.course`: :class:`~.course.Course`, the same driven from Python;
- :mod:`.sandbox`: where and within which limits a learner's code runs;
- :mod:`.report`: per-task results and the words a learner reads;
- :mod:`.selfgrade`: one learner's notebook (``python -m gdcourse.grade``).

Importing this package is cheap (standard library only); nbgrader is imported by the modules
that run it.
"""

from .layout import Layout
from .report import TaskResult

__all__ = ["Layout", "TaskResult"]
