"""The nbgrader step that runs a submission: :class:`LimitedExecute`, in place of ``Execute``.

The course's settings (:mod:`gdcourse.grading.settings`) put it first in
``Autograde.autograde_preprocessors``. It runs a notebook as nbgrader's ``Execute`` does, cell by
cell, and leaves the same outputs behind (``GetGrades`` and ``SaveAutoGrades`` read them
unchanged: a test cell with an ``error`` output scores zero), with these differences.

**Sandboxed (``sandbox = True``, the default for autograding):**

- every cell the learner wrote or could edit runs in a kernel inside the submission's own
  operating-system sandbox (:class:`.kernel.SandboxKernelManager`, :mod:`.bwrap`): an
  unprivileged user, its own process and network namespaces, a read-only view of Python and
  the course's packages, a private size-capped folder, limits; nothing survives it;
- every **test cell** of the instructor's runs in the grader, in the judge's namespace
  (:class:`.judge.Judge`), calling the learner's functions through the protocol of
  :mod:`.server` / :mod:`.remote`, so code in the learner's cells cannot rewrite, skip or fake
  a test; the instructor's read-only cells (the imports) run in both places. Which cells are
  the instructor's, the gradebook says (:func:`instructor_cells`), not the submission: a cell
  a learner adds with "test" metadata runs in the sandbox like the rest of theirs;
- except in the assignments of ``tests_in_kernel`` (:meth:`.layout.Layout.tests_in_kernel`,
  which their instructor's source notebook declares): their tests hand the course's own objects
  to the learner's code, so they run in the sandboxed kernel beside it, guarded as in a
  self-grade; the sandbox still keeps the submission from the grader, the others and the network;
- if no sandbox can be made here, the step refuses to start (:class:`.bwrap.SandboxUnavailable`,
  whose message names the cause and the explicit way out below); it never falls back silently.

**Unsandboxed (``sandbox = False``):** nbgrader's ``Execute`` with a kernel under resource limits
in a folder of its own (:class:`.kernel.LimitedKernelManager`), the tests in that same kernel. Only
for notebooks whose author is the one grading them: a learner's self-grade
(``python -m gdcourse.grade`` sets it; ``grade_this_notebook`` runs in the learner's own kernel
and needs no step at all).

**Both ways:**

- what a kernel sends is capped in bytes per cell (``max_output_bytes``) and per notebook
  (``max_notebook_output_bytes``), for every kind of output: streams, display data, results,
  display updates and errors (an error is shortened, never dropped: it decides the grade);
- a cell that kills the kernel (or a test cell whose call does not stop when interrupted)
  scores zero and the notebook runs again from the top in a fresh kernel (a fresh sandbox)
  without it, at most ``max_restarts`` times; cells that would start after ``notebook_timeout``
  seconds are skipped. Each skipped or stopped cell gets an error output that says why.
"""

from __future__ import annotations

import copy
import json
from time import monotonic

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, List, Unicode

from . import bwrap
from .judge import DIED_MESSAGE, STUBBORN_MESSAGE, Judge, error_output
from .kernel import LimitedKernelManager, SandboxKernelManager
from .link import KernelPort
from .proxy import KernelLost
from .remote import Remote

SIZED = ("stream", "display_data", "execute_result", "update_display_data", "error")


def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_test(cell) -> bool:
    """What the cell's own metadata claims: an autograded test cell."""
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_read_only(cell) -> bool:
    """What the cell's own metadata claims: a locked code cell that is not a test (imports)."""
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and bool(meta.get("locked")) and not meta.get("grade") \
        and not meta.get("solution")


def instructor_cells(nb, resources: dict | None) -> dict[str, tuple[str, str]]:
    """The instructor's code cells the judge may run in the grader: grade id -> (kind, source),
    kind ``"test"`` or ``"read-only"``.

    Under nbgrader's autograde they come from the gradebook (the cells the instructor's source
    notebook has: locked, graded or not, never a solution), not from the submission: a learner
    can add a cell whose metadata says "test" or "locked", and it must run in the sandbox like
    any cell of theirs. Used outside autograde (the unit tests), the notebook's own metadata is
    believed.
    """
    info = (resources or {}).get("nbgrader") or {}
    if not all(info.get(k) for k in ("db_url", "assignment", "notebook")):
        return {_nbgrader(c)["grade_id"]: ("test" if is_test(c) else "read-only", c.source)
                for c in nb.cells if (is_test(c) or is_read_only(c))
                and _nbgrader(c).get("grade_id")}
    from nbgrader.api import Gradebook

    with Gradebook(info["db_url"]) as gb:
        notebook = gb.find_notebook(info["notebook"], info["assignment"])
        graded = {c.name for c in notebook.grade_cells}
        answers = {c.name for c in notebook.solution_cells}
        return {c.name: ("test" if c.name in graded else "read-only", c.source)
                for c in notebook.source_cells
                if c.cell_type == "code" and c.locked and c.name not in answers}


def content_size(content: dict) -> int:
    """Bytes of what an output message would add to the notebook."""
    size = len(content.get("text", "")) + len(str(content.get("evalue", "")))
    size += sum(len(str(line)) for line in content.get("traceback", []) or [])
    for value in (content.get("data") or {}).values():
        size += len(value) if isinstance(value, str) else len(json.dumps(value))
    return size


def _shorten_error(content: dict) -> dict:
    tb = [str(line)[:500] for line in (content.get("traceback") or [])][-20:]
    return {**content, "evalue": str(content.get("evalue", ""))[:1000], "traceback": tb}


class LimitedExecute(Execute):
    """nbgrader's ``Execute``, sandboxed, with the tests judged outside (module docstring)."""

    sandbox = Bool(True, help="run each submission in its own bubblewrap sandbox and its test "
                   "cells in the grader; False (trusted notebooks only): no sandbox, the tests "
                   "in the kernel").tag(config=True)
    packages = List(Unicode(), help="package folders the sandboxed kernel may import "
                    "(read-only; the course's own package is always added)").tag(config=True)
    secrets = List(Unicode(), help="paths the sandbox must never see (a package folder "
                   "holding one is refused)").tag(config=True)
    tests_in_kernel = List(Unicode(), help="assignments whose test cells run in the sandboxed "
                           "kernel, not in the grader (Layout.tests_in_kernel)").tag(config=True)
    max_output_bytes = Integer(100_000, help="output kept per cell, bytes").tag(config=True)
    max_notebook_output_bytes = Integer(2_000_000, help="output kept per notebook (test cells "
                                        "exempt), bytes").tag(config=True)
    max_message_bytes = Integer(16 * 2**20, help="largest message frame read from a "
                                "sandboxed kernel, bytes").tag(config=True)
    notebook_timeout = Integer(600, help="seconds for a whole notebook").tag(config=True)
    max_restarts = Integer(3, help="cells that may kill the kernel before grading stops"
                           ).tag(config=True)
    memory_limit = Integer(bwrap.Limits.memory, help="address space of each of the kernel's "
                           "processes (RLIMIT_AS), bytes").tag(config=True)
    total_memory_limit = Integer(bwrap.Limits.total_memory, help="all processes of a sandbox "
                                 "together (memory cgroup, where one can be made), bytes"
                                 ).tag(config=True)
    process_limit = Integer(bwrap.Limits.processes, help="processes of a sandbox (RLIMIT_NPROC, "
                            "pids cgroup)").tag(config=True)
    cpu_limit = Integer(bwrap.Limits.cpu, help="CPU seconds of each process (RLIMIT_CPU)"
                        ).tag(config=True)
    file_size_limit = Integer(bwrap.Limits.file_size, help="largest file written (RLIMIT_FSIZE), "
                              "bytes").tag(config=True)
    disk_limit = Integer(bwrap.Limits.disk, help="the sandbox's private writable folder, bytes"
                         ).tag(config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.sandbox:
            bwrap.probe()  # SandboxUnavailable: what is wrong, and the explicit way out
            self.kernel_manager_class = SandboxKernelManager
        else:
            self.kernel_manager_class = LimitedKernelManager
        self._judge: Judge | None = None
        self._judge_km = None
        self._assignment: str | None = None

    def limits(self) -> bwrap.Limits:
        return bwrap.Limits(memory=self.memory_limit, processes=self.process_limit,
                            cpu=self.cpu_limit, file_size=self.file_size_limit,
                            disk=self.disk_limit, total_memory=self.total_memory_limit)

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        if isinstance(km, SandboxKernelManager):
            km.limits = self.limits()
            km.packages = list(self.packages)
            km.secrets = list(self.secrets)
            km.max_message_bytes = self.max_message_bytes
        elif isinstance(km, LimitedKernelManager):
            km.memory_limit = self.memory_limit
            km.file_size_limit = self.file_size_limit
            km.cpu_limit = self.cpu_limit
        return km

    def judge(self) -> Judge | None:
        """The judge of the running sandboxed kernel (a new one for every kernel)."""
        if not self.sandbox or not isinstance(self.km, SandboxKernelManager) or \
                self._assignment in self.tests_in_kernel:
            return None
        if self._judge is None or self._judge_km is not self.km:
            remote = Remote(self.km.judge_socket, KernelPort(self.km.get_connection_info()),
                            call_timeout=self.timeout or 30)
            self._close_judge()
            self._judge = Judge(remote, self.max_output_bytes, self.memory_limit / 2**30)
            self._judge_km = self.km
        return self._judge

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        if isinstance(self.km, SandboxKernelManager):
            self.km.seal()  # its sockets are bound: the shared folder is the grader's alone
        return kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def _close_judge(self) -> None:
        """The kernel is done: its judge goes, and what its learner's code changed in the
        judge's own objects is put back (nothing reaches the next submission)."""
        if self._judge is not None:
            self._judge.remote.shared.undo_writes()
            if self._judge.remote.port is not None:
                self._judge.remote.port.close()
        self._judge = self._judge_km = None

    def judged_kind(self, cell) -> str | None:
        """``"test"`` or ``"read-only"`` for a cell of the instructor's, else None (its grade id
        and its very source must be the instructor's: :func:`instructor_cells`)."""
        gid = _nbgrader(cell).get("grade_id")
        kind, source = self._instructor.get(gid, (None, None)) if gid else (None, None)
        return kind if cell.cell_type == "code" and cell.source == source else None

    # -- a notebook: run again without a cell that killed the kernel --------------------------
    def preprocess(self, nb, resources=None, km=None):
        self._instructor = instructor_cells(nb, resources)
        self._assignment = ((resources or {}).get("nbgrader") or {}).get("assignment")
        original = copy.deepcopy(nb)
        self._skip: dict[int, list] = {}
        self._stop_from: int | None = None
        self._deadline = monotonic() + self.notebook_timeout
        try:
            while True:
                work = copy.deepcopy(original)
                self._running = None
                self._notebook_bytes = 0
                self._close_judge()
                try:
                    out, resources = super().preprocess(work, resources, km)
                except (DeadKernelError, CellTimeoutError, RuntimeError) as err:
                    index = self._running
                    if index is None or index in self._skip or \
                            (self._stop_from is not None and index >= self._stop_from):
                        raise  # the kernel could not start at all: nbgrader's own error
                    self.log.warning("cell %s stopped the kernel (%s); running the notebook "
                                     "again without it", index, type(err).__name__)
                    self._skip[index] = getattr(err, "outputs", None) or [
                        error_output("KernelDied", self._death_message(err))]
                    if len(self._skip) > self.max_restarts:
                        self._stop_from = index
                    continue
                nb.cells = out.cells
                nb.metadata = out.metadata
                return nb, resources
        finally:
            self._close_judge()

    def _death_message(self, err: Exception) -> str:
        if "IOPub" in str(err):
            return ("this cell sent more output at once than the grader accepts (or its "
                    "messages were lost), so the kernel was shut down and the cell scores "
                    "zero. Print less: a summary, not every value.")
        if isinstance(err, CellTimeoutError):
            return STUBBORN_MESSAGE.format(timeout=self.timeout)
        return DIED_MESSAGE.format(memory=self.memory_limit / 2**30)

    async def async_execute_cell(self, cell, cell_index, execution_count=None,
                                 store_history=True):
        if cell.cell_type != "code":
            return cell
        if self._stop_from is not None and cell_index >= self._stop_from:
            cell.outputs = [from_dict(error_output(
                "GradingStopped", f"the kernel died {len(self._skip)} times in this notebook, "
                "so grading stopped here; this cell and the ones after it were not run and "
                "score zero."))]
            return cell
        if cell_index in self._skip:
            cell.outputs = [from_dict(o) for o in self._skip[cell_index]]
            return cell
        if monotonic() > self._deadline:
            cell.outputs = [from_dict(error_output(
                "GradingStopped", f"the notebook used up its time budget of "
                f"{self.notebook_timeout} s before this cell, which was not run and scores "
                "zero. Make every cell fast; look for a slow or endless loop above."))]
            return cell
        self._running = cell_index
        self._cell_bytes = 0
        self._cut = False
        judge = self.judge()
        kind = self.judged_kind(cell) if judge is not None else None
        if kind == "test":
            try:
                outputs = judge.run_test(cell.source, self.timeout or 30)
            except KernelLost as err:
                lost = DeadKernelError(str(err))
                lost.outputs = getattr(err, "outputs", None)
                raise lost from None
            cell.outputs = [from_dict(o) for o in self._budget(outputs)]
            cell.execution_count = None
            return cell
        result = await super().async_execute_cell(cell, cell_index, execution_count,
                                                  store_history)
        if judge is not None:
            judge.learner_ran(cell.source)
            if kind == "read-only":
                judge.run_trusted(cell.source)
        return result

    execute_cell = run_sync(async_execute_cell)  # the base class binds its own at class level

    def _budget(self, outputs: list[dict]) -> list[dict]:
        """A judged test cell's outputs: errors shortened (the judge caps the rest per cell)."""
        return [_shorten_error(o) if o["output_type"] == "error" else o for o in outputs]

    # -- output: at most max_output_bytes per cell, max_notebook_output_bytes per notebook ----
    def process_message(self, msg, cell, cell_index):
        """Keep what fits: a cell's share, and the notebook's (test cells are exempt from the
        notebook's budget, so a learner's flood never cuts a test's verdict). Errors are
        shortened, never dropped: they decide the grade."""
        msg_type = msg.get("msg_type") or msg.get("header", {}).get("msg_type")
        if msg_type not in SIZED:
            return super().process_message(msg, cell, cell_index)
        content = msg.get("content", {})
        if msg_type == "error":
            msg = {**msg, "content": _shorten_error(content)}
            return super().process_message(msg, cell, cell_index)
        size = content_size(content)
        test = self.judged_kind(cell) == "test"
        cell_room = self.max_output_bytes - getattr(self, "_cell_bytes", 0)
        book_room = self.max_notebook_output_bytes - getattr(self, "_notebook_bytes", 0)
        room = cell_room if test else min(cell_room, book_room)
        if size <= room:
            self._cell_bytes = getattr(self, "_cell_bytes", 0) + size
            if not test:
                self._notebook_bytes = getattr(self, "_notebook_bytes", 0) + size
            return super().process_message(msg, cell, cell_index)
        if msg_type == "stream" and room > 0:  # keep the part that fits
            text = content.get("text", "")[:room]
            self._cell_bytes = getattr(self, "_cell_bytes", 0) + len(text)
            if not test:
                self._notebook_bytes = getattr(self, "_notebook_bytes", 0) + len(text)
            super().process_message({**msg, "content": {**content, "text": text}}, cell,
                                    cell_index)
        if not getattr(self, "_cut", False):
            self._cut = True
            cell.outputs.append(NotebookNode(
                output_type="stream", name="stdout" if test else "stderr",
                text=f"\n[output cut: this cell's output went beyond the "
                     f"{self.max_output_bytes // 1000} kB a cell (or the "
                     f"{self.max_notebook_output_bytes // 1000} kB a notebook) may keep; "
                     "the rest was dropped]\n"))
        return None
