"""What runs in a learner's kernel: the checks the test cells call, and grading the notebook.

- :mod:`.checks`: the test cells' helpers, with hints written for a learner, and the
  integrity guard (:mod:`.guard`), switched on by ``checks.guard.enable()`` in the imports cell;
- :mod:`.mistakes`: models of common mistakes, one module per exercise;
- :func:`grade_this_notebook`: the last cell of each exercise, grading the running notebook.

An exercise's imports cell::

    import numpy as np

    import gdlib
    from gdcourse.learner import checks, grade_this_notebook
    from gdcourse.learner.mistakes import ex03 as mistakes   # if its tests use them
    checks.guard.enable()
"""

from . import checks
from .notebook import grade_this_notebook

__all__ = ["checks", "grade_this_notebook"]
