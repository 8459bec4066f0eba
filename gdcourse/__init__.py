"""Course machinery beside `gdlib`, by who runs it.

- :mod:`gdcourse.learner`: in a learner's kernel: the checks the exercises' test cells call,
  models of common mistakes, the integrity guard, grading the running notebook;
- :mod:`gdcourse.grading`: the grading pipeline around nbgrader, for instructors and for the
  self-grade command ``python -m gdcourse.grade NOTEBOOK``.

Kept apart from `gdlib` so that ``import gdlib`` pulls in nothing but numpy and matplotlib. The
repository's own tooling (notebook refresh, release, the book's extension) is in ``tools/``,
outside the package.
"""

import sys

# jsonschema's optional IRI-syntax checks (package rfc3987_syntax) build 39 parsers on import:
# seconds added to every nbformat/nbgrader start. Notebooks hold no IRIs to check, so the
# course's tools go without (jsonschema skips checks whose package is missing).
sys.modules.setdefault("rfc3987_syntax", None)

#: The course's one version: the package's (pyproject.toml reads it), gdlib's, the book's (the
#: Sphinx extension in tools/ gives it to the landing page) and the release tag's (vX.Y.Z).
#: CITATION.cff repeats it; a test says when it differs.
__version__ = "0.2.0"
