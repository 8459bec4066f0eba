"""Course machinery beside `gdlib`: notebook hygiene, grading and self-grading tools.

Kept apart from `gdlib` so that ``import gdlib`` pulls in nothing but numpy and matplotlib.
"""

import sys

# jsonschema's optional IRI-syntax checks (package rfc3987_syntax) build 39 parsers on import:
# seconds added to every nbformat/nbgrader start. Notebooks hold no IRIs to check, so the
# course's tools go without (jsonschema skips checks whose package is missing).
sys.modules.setdefault("rfc3987_syntax", None)

__version__ = "0.1.0"
