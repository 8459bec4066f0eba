"""The library of wrong submissions in ``wrong/<assignment>/<mistake>.py``.

Each file is the code of one solution cell with a common mistake in it. Its docstring names
the cell it replaces, the test cell (task) it must lose points on and a phrase of the hint the
learner must get::

    \"\"\"The gradient of the MSE with the residual the wrong way round.

    cell: mse_grad
    task: test_mse_grad
    hint: it points uphill
    \"\"\"
    def mse_grad(pred, target):
        return 2.0 * (target - pred) / pred.size

Everything after the docstring (except ``# ruff:`` lines) becomes the cell's source.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

WRONG = Path(__file__).resolve().parent / "wrong"


@dataclass
class Wrong:
    name: str
    cell: str
    task: str
    hint: str
    code: str


def load(assignment: str) -> list[Wrong]:
    out = []
    for path in sorted((WRONG / assignment).glob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        doc = ast.get_docstring(tree) or ""
        fields = dict(re.findall(r"^(cell|task|hint):\s*(.+?)\s*$", doc, re.M))
        missing = {"cell", "task", "hint"} - set(fields)
        if missing:
            raise ValueError(f"{path}: the docstring lacks {sorted(missing)}")
        body = text.splitlines()[tree.body[0].end_lineno:]
        code = "\n".join(ln for ln in body if not ln.startswith("# ruff:")).strip("\n")
        out.append(Wrong(path.stem, fields["cell"], fields["task"], fields["hint"], code))
    return out
