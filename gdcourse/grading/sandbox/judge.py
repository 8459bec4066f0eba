"""Run a notebook's test cells in the grader, where the learner's code cannot reach them.

:class:`Judge` keeps one namespace per submission (a :class:`.proxy.JudgeNamespace`): the
read-only cells the instructor wrote (``import numpy as np``,
``from gdcourse.learner import checks``) run in it, so ``np``, ``gdlib`` and ``checks`` are
the grader's own modules; every other name a test cell uses is looked up in the learner's
kernel and comes back as plain data or a proxy.
:meth:`Judge.run_test` executes one test cell and returns its outputs as nbformat dicts, as a
kernel would have produced them: a ``stream`` with what it printed (the checks' ✔ line and
what the learner's functions printed, in order, capped) and, if it raised, an ``error`` whose
traceback is the error's message alone (``CheckFailed._render_traceback_`` when it has one):
never a line of the test's code. What the learner's code prints while a line of the hidden
tests runs is dropped (with a note): it could show the hidden tests' inputs.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import sys
import time

from .proxy import JudgeNamespace, KernelLost, RemoteTimeout
from .remote import Remote

CELL_FILE = "<test cell>"
HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$(.*?)^\s*### END HIDDEN TESTS\s*$",
                    re.M | re.S)
HIDDEN_NOTE = ("[what your code printed while the hidden tests ran is not shown: it would show "
               "their inputs]\n")
# What a learner reads when a cell stopped the kernel (the same words whichever side ran it)
TIMEOUT_MESSAGE = ("this cell ran longer than {timeout:g} s and was interrupted, so it scores "
                   "zero. Look for an endless loop (a `while` whose condition never becomes "
                   "false) or work that grows too fast.")
STUBBORN_MESSAGE = ("this cell ran longer than {timeout:g} s and did not stop when interrupted, "
                    "so the kernel was shut down and the cell scores zero. Look for an endless "
                    "loop (or a `try/except` that swallows KeyboardInterrupt).")
DIED_MESSAGE = ("the Python kernel died while running this cell, so it scores zero and the "
                "notebook was run again without it. Common causes: sys.exit()/os._exit() or "
                "exit() in your code, using more memory than the limit of {memory:g} GB, or a "
                "crash in compiled code.")


class _Outputs(io.TextIOBase):
    """Streams of one cell, in order, at most ``cap`` characters in all."""

    def __init__(self, cap: int) -> None:
        self.cap, self.used, self.cut = cap, 0, False
        self.items: list[dict] = []
        self.name = "stdout"

    def writable(self) -> bool:
        return True

    def add(self, name: str, text: str) -> None:
        if not text:
            return
        room = self.cap - self.used
        if room <= 0:
            if not self.cut:
                self.cut = True
                self._append("stderr", f"\n[output cut: this cell printed more than "
                                       f"{self.cap // 1000} kB; the rest was dropped]\n")
            return
        text = text[:room]
        self.used += len(text)
        self._append(name, text)

    def _append(self, name: str, text: str) -> None:
        last = self.items[-1] if self.items else None
        if last is not None and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.items.append({"output_type": "stream", "name": name, "text": text})

    def write(self, text) -> int:
        self.add(self.name, str(text))
        return len(text)


class _Err(io.TextIOBase):
    def __init__(self, outputs: _Outputs) -> None:
        self.outputs = outputs

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        self.outputs.add("stderr", str(text))
        return len(text)


def error_output(ename: str, evalue: str, traceback: list[str] | None = None) -> dict:
    return {"output_type": "error", "ename": ename, "evalue": evalue,
            "traceback": traceback or [f"\x1b[0;31m{ename}\x1b[0m: {evalue}"]}


def describe(err: BaseException) -> dict:
    """The error output of an exception raised by a test cell: its message, no code."""
    ename = type(err).__name__
    try:
        evalue = str(err)
    except Exception:  # noqa: BLE001
        evalue = "<no message>"
    render = getattr(err, "_render_traceback_", None)
    lines = None
    if callable(render):
        try:
            lines = [str(line) for line in render()]
        except Exception:  # noqa: BLE001
            lines = None
    return error_output(ename, evalue, lines)


class Judge:
    """Runs the test cells of one submission against its kernel (see the module's docstring).

    Parameters
    ----------
    remote : :class:`.proxy.Remote`
        The session with the submission's kernel.
    max_output_bytes : int
        Characters of printed output kept per cell.
    memory_gb : float
        The kernel's memory limit, named when it died.
    """

    def __init__(self, remote: Remote, max_output_bytes: int = 100_000,
                 memory_gb: float = 4.0) -> None:
        self.remote = remote
        self.max_output_bytes = max_output_bytes
        self.memory_gb = memory_gb
        self.namespace = JudgeNamespace(remote)
        self.namespace["display"] = self._display
        self.learner_sources: list[str] = []
        remote.sources = lambda: list(self.learner_sources)
        self._outputs: _Outputs | None = None

    def learner_ran(self, source: str) -> None:
        """A cell ran in the kernel: the static check reads it (:mod:`.forbid`)."""
        self.learner_sources.append(source)

    def _display(self, *objs, **_kw) -> None:
        if self._outputs is not None:
            for obj in objs:
                self._outputs.items.append({"output_type": "display_data", "metadata": {},
                                            "data": {"text/plain": repr(obj)[:10_000]}})

    def run_trusted(self, source: str) -> None:
        """Run an instructor's read-only cell (imports) in the judge's namespace, quietly."""
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(
                io.StringIO()):
            try:
                exec(compile(source, "<read-only cell>", "exec"), self.namespace)  # noqa: S102
            except Exception:  # noqa: BLE001 (the kernel's run of it shows the error)
                pass

    @staticmethod
    def hidden_lines(source: str) -> set[int]:
        """Line numbers (1-based) of the cell's hidden tests."""
        lines = set()
        for m in HIDDEN.finditer(source):
            first = source.count("\n", 0, m.start()) + 1
            lines |= set(range(first, first + m.group(0).count("\n") + 1))
        return lines

    def _learner_output(self, outputs: _Outputs, hidden: set[int]):
        """Where the learner's printing goes: nowhere while a hidden test's line runs."""
        state = {"noted": False}

        def show(name: str, text: str) -> None:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename != CELL_FILE:
                frame = frame.f_back
            if frame is not None and frame.f_lineno in hidden:
                if not state["noted"]:
                    state["noted"] = True
                    outputs.add("stdout", HIDDEN_NOTE)
                return
            outputs.add(name, text)
        return show

    def run_test(self, source: str, timeout: float) -> list[dict]:
        """Run one test cell; return its outputs (nbformat dicts).

        Raises :class:`.proxy.KernelLost` when the kernel cannot be used any more (it died,
        broke the protocol, or did not stop when interrupted: then the cell's outputs are in
        the exception's ``outputs``).
        """
        outputs = _Outputs(self.max_output_bytes)
        self._outputs = outputs
        self.remote.output = self._learner_output(outputs, self.hidden_lines(source))
        self.remote.deadline = time.monotonic() + timeout
        error = None
        lost = None
        try:
            with contextlib.redirect_stdout(outputs), contextlib.redirect_stderr(_Err(outputs)):
                self._exec(source)
        except RemoteTimeout as err:
            words = STUBBORN_MESSAGE if err.lost else TIMEOUT_MESSAGE
            error = error_output("CellTimeout", words.format(timeout=timeout))
            if err.lost:
                lost = KernelLost(str(err))
        except KernelLost as err:
            error = error_output("KernelDied", DIED_MESSAGE.format(memory=self.memory_gb))
            lost = err
        except KeyboardInterrupt:
            raise
        except BaseException as err:  # noqa: BLE001 (a failed test is an output)
            error = describe(err)
        finally:
            self.remote.deadline = None
            self.remote.output = None
            self._outputs = None
        if lost is None and not self.remote.lost:
            try:
                self.remote.end()
            except (KernelLost, RemoteTimeout) as err:
                lost = KernelLost(str(err))
        items = outputs.items + ([error] if error else [])
        if lost is not None or self.remote.lost:
            lost = lost or KernelLost(self.remote.lost)
            lost.outputs = items
            raise lost
        return items

    def _exec(self, source: str) -> None:
        tree = ast.parse(source, CELL_FILE)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, CELL_FILE, "exec"), self.namespace)  # noqa: S102
        if last is not None:
            value = eval(compile(ast.Expression(last.value), CELL_FILE, "eval"),  # noqa: S307
                         self.namespace)
            if value is not None and not source.rstrip().endswith(";") and \
                    self._outputs is not None:
                self._outputs.items.append({"output_type": "execute_result", "metadata": {},
                                            "execution_count": None,
                                            "data": {"text/plain": repr(value)[:10_000]}})
