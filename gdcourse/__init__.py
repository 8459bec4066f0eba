"""Course machinery beside `gdlib`: notebook hygiene, grading and self-grading tools.

Kept apart from `gdlib` so that ``import gdlib`` pulls in nothing but numpy and matplotlib.
"""

__version__ = "0.1.0"
