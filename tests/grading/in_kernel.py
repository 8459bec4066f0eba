"""A learner's session in one Jupyter kernel: run a notebook's cells in order, as "Run All" does.

The grading tests use it to grade submissions inside the notebook (the last cell,
``grade_this_notebook``) and compare with nbgrader's autograde. One kernel serves many
submissions: before each, every name the previous one bound is deleted (the imported modules
stay, as they would after a restart and the imports cell).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from jupyter_client.manager import start_new_kernel

from gdcourse.grading.layout import CHECKOUT

ROW = re.compile(r"^[\u2714\u2718] (.+?)\s+(\S+) / (\S+)$")
FORGET = ("import types as _t\n"
          "for _k in [k for k, v in list(globals().items()) if not k.startswith('_')\n"
          "           and not isinstance(v, _t.ModuleType)]:\n"
          "    del globals()[_k]\n")


class Session:
    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NBGRADER")}
        env.update(PYTHONPATH=os.pathsep.join([str(CHECKOUT), env.get("PYTHONPATH", "")]),
                   MPLBACKEND="Agg", PYDEVD_DISABLE_FILE_VALIDATION="1")
        self.km, self.kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(Path.cwd()))

    def run(self, code: str, timeout: float = 60) -> tuple[str, str | None]:
        """Run ``code``; return what it printed and its error's name (None if it raised none)."""
        out, error = [], []

        def hook(msg):
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                error.append(msg["content"]["ename"])

        self.kc.execute_interactive(code, timeout=timeout, output_hook=hook)
        return "".join(out), (error[0] if error else None)

    def run_all(self, nb) -> str:
        """Forget the last submission, run every code cell of ``nb``; the last cell's output."""
        self.run(FORGET)
        printed = ""
        for cell in nb.cells:
            if cell.cell_type == "code":
                printed, _ = self.run(cell.source)
        return printed

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def scores(printed: str) -> list[tuple[str, float, float]]:
    """(task title, score, max score) of each row of the score table that was printed."""
    rows = [ROW.match(line) for line in printed.splitlines()]
    return [(m.group(1), float(m.group(2)), float(m.group(3))) for m in rows if m]
