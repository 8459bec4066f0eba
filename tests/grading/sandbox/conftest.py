"""The sandbox's own tests: bubblewrap, the kernel in it, the judge's protocol, the nbgrader step.

They need bubblewrap (``.ci/run`` installs it); without it every test here fails with the
sandbox's own message saying so, as grading would.
"""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
