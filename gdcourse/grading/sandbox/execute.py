"""Limits on a learner's code while the autograder runs it.

nbgrader runs a submission in a Jupyter kernel, and the course's settings
(:mod:`gdcourse.grading.settings`) put :class:`LimitedExecute` in place of nbgrader's ``Execute``
step. It keeps nbgrader's behaviour (every cell runs, errors are recorded, a cell that runs too
long is interrupted) and adds:

- **a kernel with limits** (:class:`~.kernel.LimitedKernelManager`): resource limits, a fresh
  temporary folder without the notebook, a scrubbed environment (see :mod:`.kernel`);
- **an output limit per cell**: what a cell prints beyond ``max_output_bytes`` is dropped (the
  grader never holds hundreds of MB of printout), with a note saying so;
- **a cell that kills the kernel** (``os._exit``, a crash, the memory limit, a cell that ignores
  the interrupt after its timeout) scores zero: the notebook is run again from the top in a new
  kernel with that cell replaced by an error, so the other tasks keep their points. After
  ``max_restarts`` such cells every remaining cell is skipped;
- **a time budget per notebook** (``notebook_timeout``): cells that would start after it is
  used up are skipped with an error, so one submission cannot hold the batch for hours.

Each skipped or stopped cell gets an error output whose message tells the learner (and the
instructor reading the feedback) what happened.
"""

from __future__ import annotations

import copy
from time import monotonic

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer

from .kernel import LimitedKernelManager


def _error(ename: str, message: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=message,
                        traceback=[f"\x1b[0;31m{ename}\x1b[0m: {message}"])


class LimitedExecute(Execute):
    """nbgrader's ``Execute`` with the course's limits (see the module's docstring)."""

    max_output_bytes = Integer(100_000, help="output kept per cell, in bytes").tag(config=True)
    notebook_timeout = Integer(600, help="seconds for a whole notebook").tag(config=True)
    max_restarts = Integer(3, help="cells that may kill the kernel before grading stops"
                           ).tag(config=True)
    memory_limit = Integer(4 * 2**30, help="the kernel's address space (RLIMIT_AS), bytes"
                           ).tag(config=True)
    file_size_limit = Integer(64 * 2**20, help="largest file the kernel may write, bytes"
                              ).tag(config=True)
    cpu_limit = Integer(900, help="CPU seconds of one kernel (RLIMIT_CPU)").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", LimitedKernelManager)
        super().__init__(*args, **kwargs)

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        if isinstance(km, LimitedKernelManager):
            km.memory_limit = self.memory_limit
            km.file_size_limit = self.file_size_limit
            km.cpu_limit = self.cpu_limit
        return km

    # -- a notebook: run again without a cell that killed the kernel --------------------------
    def preprocess(self, nb, resources=None, km=None):
        original = copy.deepcopy(nb)
        self._skip: dict[int, NotebookNode] = {}
        self._stop_from: int | None = None
        self._deadline = monotonic() + self.notebook_timeout
        while True:
            work = copy.deepcopy(original)
            self._running = None
            try:
                out, resources = super().preprocess(work, resources, km)
            except (DeadKernelError, CellTimeoutError, RuntimeError) as err:
                index = self._running
                if index is None or index in self._skip or \
                        (self._stop_from is not None and index >= self._stop_from):
                    raise  # the kernel could not start at all: nbgrader's own error
                self.log.warning("cell %s stopped the kernel (%s); running the notebook "
                                 "again without it", index, type(err).__name__)
                self._skip[index] = _error("KernelDied", self._death_message(err))
                if len(self._skip) > self.max_restarts:
                    self._stop_from = index
                continue
            nb.cells = out.cells
            nb.metadata = out.metadata
            return nb, resources

    def _death_message(self, err: Exception) -> str:
        if isinstance(err, CellTimeoutError):
            return (f"this cell ran longer than {self.timeout} s and did not stop when "
                    "interrupted, so the kernel was shut down and the cell scores zero. Look "
                    "for an endless loop (or a `try/except` that swallows KeyboardInterrupt).")
        return ("the Python kernel died while running this cell, so it scores zero and the "
                "notebook was run again without it. Common causes: sys.exit()/os._exit() or "
                "exit() in your code, using more memory than the limit of "
                f"{self.memory_limit / 2**30:g} GB, or a crash in compiled code.")

    async def async_execute_cell(self, cell, cell_index, execution_count=None,
                                 store_history=True):
        if cell.cell_type != "code":
            return cell
        if self._stop_from is not None and cell_index >= self._stop_from:
            cell.outputs = [_error("GradingStopped", f"the kernel died {len(self._skip)} "
                                   "times in this notebook, so grading stopped here; this cell "
                                   "and the ones after it were not run and score zero.")]
            return cell
        if cell_index in self._skip:
            cell.outputs = [self._skip[cell_index]]
            return cell
        if monotonic() > self._deadline:
            cell.outputs = [_error("GradingStopped", f"the notebook used up its time budget "
                                   f"of {self.notebook_timeout} s before this cell, which was "
                                   "not run and scores zero. Make every cell fast; look for "
                                   "a slow or endless loop above.")]
            return cell
        self._running = cell_index
        self._output_bytes = 0
        self._output_cut = False
        return await super().async_execute_cell(cell, cell_index, execution_count,
                                                store_history)

    execute_cell = run_sync(async_execute_cell)  # the base class binds its own at class level

    # -- output: keep at most max_output_bytes per cell ---------------------------------------
    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(
            len(v) if isinstance(v, str) else len(str(v))
            for v in content.get("data", {}).values())
        self._output_bytes = getattr(self, "_output_bytes", 0) + size
        if msg["msg_type"] in ("stream", "display_data", "execute_result", "update_display_data") \
                and self._output_bytes > self.max_output_bytes:
            if not getattr(self, "_output_cut", False):
                self._output_cut = True
                outs.append(NotebookNode(
                    output_type="stream", name="stderr",
                    text=f"\n[output cut: this cell printed more than "
                         f"{self.max_output_bytes // 1000} kB; the rest was dropped]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)
