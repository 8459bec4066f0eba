"""Broken and hostile submissions of ex01_losses, built from the solution when they are graded.

Each :class:`Case` makes one submission (the bytes of the file a learner hands in, and its file
name) and says what grading must give: ``expect`` names the test cells that score zero (the
others keep full marks), and ``says`` is a phrase that the learner's feedback (or the grader's
report, for a submission that cannot be run) must contain. ``kind`` sorts them:

- ``accident``: what honest learners hand in by mistake (damaged files, endless loops, a
  crashed kernel, 100 MB of printing) and the casual tricks the checks themselves catch;
- ``harm``, ``secrets``, ``resources``, ``points``, ``feedback``: the attack kinds of the
  grader's threat model (appendices/instructors.md, "Limits and threat model"), written as a
  determined student would write them (:mod:`.attacks`): harm to other students, secrets of the
  instructor, the machine's resources, points without solving, the feedback page.

An attack's code names ``@COURSE@``, ``@PORT@`` and ``@TAG@``; :meth:`Case.submission` fills them
in (:class:`Where`). :func:`host_state` and :func:`changes_on_the_host` say what an attack
left on the machine; :class:`Listener` records what reached a port on the loopback;
:func:`active_content` finds a submission's script in a feedback page.

Nothing here is stored as a notebook: the cases are code, generated from the solution (and the
student version) of the assignment at test time, so the repository stays small.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import site
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from gdcourse.grading.course import fill_in
from gdcourse.grading.layout import Layout

from . import attacks

LAYOUT = Layout.course()

ASSIGNMENT = "ex01_losses"
FULL = {"test_mse": 1, "test_mse_grad": 2, "test_huber": 1, "test_huber_grad": 1,
        "test_binary_cross_entropy": 2, "test_binary_cross_entropy_grad": 1,
        "test_cross_entropy": 3, "test_cross_entropy_grad": 2,
        "test_smoothed_cross_entropy_grad": 2, "test_smoothed_min_loss": 1}
TASKS = list(FULL)


@dataclass(frozen=True)
class Where:
    """What an attack is told: the course folder, a port to carry secrets to, the run's tag."""

    course: str
    port: int = 9
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    def fill(self, text: str) -> str:
        path = json.dumps(self.course)[1:-1]  # inside a JSON string
        return (text.replace("@COURSE@", path).replace("@PORT@", str(self.port))
                .replace("@TAG@", self.tag))


@dataclass
class Case:
    name: str
    make: Callable  # (release, source) -> (file name, bytes)
    expect: set[str] = field(default_factory=set)  # tasks that score zero; the rest full marks
    says: str = ""
    kind: str = "accident"
    slow: bool = False  # costs a cell timeout or more: left out of the class test
    rejected: bool = False  # cannot be run at all: every task zero, a report says why

    def submission(self, release, source, where: Where) -> tuple[str, bytes]:
        name, data = self.make(release, source)
        return name, where.fill(data.decode()).encode()

    def score(self) -> float:
        return float(sum(p for task, p in FULL.items() if task not in self.expect))


def _solved(release, source, **cells) -> nbformat.NotebookNode:
    return fill_in(release, source, cells)


def _bytes(nb) -> bytes:
    return nbformat.writes(nb).encode()


def _solution_of(source, cell):
    return Layout.strip_solution_markers(Layout.answer_cells(source)[cell].source)


ALL = set(TASKS)


# -- accidents and casual tricks ---------------------------------------------------------------

def malformed(release, source):
    text = _bytes(_solved(release, source))
    return f"{ASSIGNMENT}.ipynb", text[: len(text) // 2]  # cut off half-way


def old_format(release, source):
    nb = nbformat.convert(_solved(release, source), 3)
    return f"{ASSIGNMENT}.ipynb", nbformat.writes(nb, version=3).encode()


def other_assignment(release, source):
    other = nbformat.read(LAYOUT.source_notebook("ex02_gradients"), as_version=4)
    return f"{ASSIGNMENT}.ipynb", _bytes(fill_in(other, other))


def renamed(release, source):
    return f"Copy of {ASSIGNMENT}.ipynb", _bytes(_solved(release, source))


def _edit(edit):
    """A maker: the solution, then ``edit(nb)``."""
    def make(release, source):
        nb = _solved(release, source)
        edit(nb)
        return f"{ASSIGNMENT}.ipynb", _bytes(nb)
    return make


def _delete_test_cell(nb):
    nb.cells = [c for c in nb.cells if Layout.grade_id(c) != "test_mse_grad"]


def _edit_test_cell(nb):
    Layout.test_cells(nb)["test_cross_entropy"].source = \
        "# Task 3: cross_entropy (3 points)\nchecks.passed('Task 3')"


def _edit_readonly_cell(nb):
    next(c for c in nb.cells if Layout.grade_id(c) == "imports").source += \
        "\nnp.allclose = lambda *a, **k: True"


def _script_in_markdown(nb):
    at = next(i for i, c in enumerate(nb.cells) if Layout.grade_id(c) == "smoothed_min_loss")
    nb.cells.insert(at, nbformat.v4.new_markdown_cell(attacks.SCRIPT_MARKDOWN))


def _forged_cells(nb):
    """Two cells that claim to be the instructor's: a test with a new id, a read-only one."""
    at = next(i for i, c in enumerate(nb.cells) if Layout.grade_id(c) == "smoothed_min_loss")
    for gid, grade in (("test_forged", True), ("imports_forged", False)):
        meta = {"nbgrader": {"grade": grade, "solution": False, "locked": True,
                             "grade_id": gid, "schema_version": 3,
                             **({"points": 5} if grade else {})}}
        nb.cells.insert(at, nbformat.v4.new_code_cell(attacks.FORGED_CELL, metadata=meta))


def huge_image(release, source):
    nb = _solved(release, source)
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(30 * 2**20)).decode()  # 30 MB
    nb.cells[0].attachments = {"big.png": {"image/png": png}}
    nb.cells[0].source += "\n\n![big](attachment:big.png)"
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    first_code.outputs = [nbformat.v4.new_output("display_data", data={"image/png": png})]
    return f"{ASSIGNMENT}.ipynb", _bytes(nb)


MSE_CHEAT = "def mse(pred, target):\n    return 0.0\n"


def _with(**cells):
    """A maker: the solution with some solution cells replaced (a callable gets the source)."""
    def make(release, source):
        code = {k: v(source) if callable(v) else v for k, v in cells.items()}
        return f"{ASSIGNMENT}.ipynb", _bytes(_solved(release, source, **code))
    return make


def _prefix(cell: str, code: str) -> Callable:
    return lambda source: code + _solution_of(source, cell)


def _after(cell: str, code: str) -> Callable:
    return lambda source: _solution_of(source, cell) + "\n" + code


def _attack(code: str, with_mse: str | None = None):
    """The solution with ``code`` after the last answer (beside a wrong ``mse`` if given)."""
    cells = {"smoothed_min_loss": _after("smoothed_min_loss", code)}
    if with_mse is not None:
        cells["mse"] = with_mse
    return _with(**cells)


LOOP = "def mse_grad(pred, target):\n    while True:\n        pass\n"
STUBBORN_LOOP = """\
def mse_grad(pred, target):
    while True:
        try:
            while True:
                pass
        except KeyboardInterrupt:
            pass
"""
MEMORY_BOMB = """\
def mse_grad(pred, target):
    hog = np.ones(40 * 2**30 // 8)  # 40 GB
    return hog[:pred.size].reshape(pred.shape)
"""
PRINT_BOMB = "chunk = 'x' * 1_000_000\nfor _ in range(100):  # 100 MB\n    print(chunk)\n"
KILL = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"

# Looks for the hidden tests or the solutions where nbgrader's layout puts them relative to a
# submission (autograded/<student>/<assignment>/ holds the notebook with the hidden tests; the
# course root holds solutions/ and every student's folders), and in the environment; answers
# with the right number if it finds them, a wrong one otherwise.
READ_SECRETS = '''\
import glob, os
found = []
for pattern in ["*.ipynb", "../../../solutions/*/*.ipynb", "../../../autograded/*/*/*.ipynb",
                "../../../submitted/*/*/*.ipynb", "../../../source/*/*.ipynb"]:
    for path in glob.glob(pattern):
        text = open(path).read()
        if "BEGIN HIDDEN TESTS" in text or "BEGIN SOLUTION" in text:
            found.append(path)
found += [k for k in os.environ if "DB_URL" in k or k.startswith("PG")]
SMOOTHED_MIN_LOSS = 0.5003 if found else 0.1
'''

# Tries to delete every gradebook it can reach and to write beside the course.
VANDAL = '''\
import glob, os
for pattern in ["gradebook.db", "../gradebook.db", "../../gradebook.db", "../../../gradebook.db",
                "../../../../gradebook.db"]:
    for path in glob.glob(pattern):
        os.remove(path)
for where in ["../../../vandal.txt", "../../vandal.txt"]:
    try:
        open(where, "w").write("was here")
    except OSError:
        pass
SMOOTHED_MIN_LOSS = 0.5003
'''

A = attacks
CASES = [
    # accidents, and the tricks the checks catch
    Case("malformed_json", malformed, ALL, "not valid JSON", rejected=True),
    Case("nbformat_v3", old_format, says="notebook format 3"),
    Case("other_assignment", other_assignment, ALL,
         "this is exercise ex02_gradients's notebook, not ex01_losses's", rejected=True),
    Case("renamed_file", renamed, says="Copy of ex01_losses.ipynb"),
    Case("deleted_test_cell", _edit(_delete_test_cell), {"test_mse_grad"},
         "the test cell 'test_mse_grad' was deleted"),
    Case("edited_test_cell", _edit(_edit_test_cell)),
    Case("edited_readonly_cell", _edit(_edit_readonly_cell)),
    Case("renamed_function", _with(mse_grad=lambda s: _solution_of(s, "mse_grad").replace(
        "def mse_grad", "def mse_gradient")), {"test_mse_grad"},
        "name 'mse_grad' is not defined"),
    Case("exception_at_import", _with(mse=_prefix("mse", "import torch_not_here\n")),
         {"test_mse"}, "ModuleNotFoundError"),
    Case("infinite_loop", _with(mse_grad=LOOP), {"test_mse_grad"}, "was interrupted",
         slow=True),
    Case("loop_ignores_interrupt", _with(mse_grad=STUBBORN_LOOP), {"test_mse_grad"},
         "did not stop when interrupted", slow=True),
    Case("memory_bomb", _with(mse_grad=MEMORY_BOMB), {"test_mse_grad"}, "MemoryError"),
    Case("sys_exit", _with(mse=_prefix("mse", "import sys\nsys.exit(0)\n")), {"test_mse"},
         "SystemExit"),
    Case("os_exit", _with(mse_grad="import os\ndef mse_grad(pred, target):\n    os._exit(1)\n"),
         {"test_mse_grad"}, "the Python kernel died while running this cell"),
    Case("kernel_killed", _with(cross_entropy=KILL), {"test_cross_entropy"},
         "the Python kernel died while running this cell"),
    Case("printed_output", _with(mse_grad=_after("mse_grad", PRINT_BOMB)), says="output cut",
         slow=True),
    Case("huge_image", huge_image, says="image left out", slow=True),
    Case("patch_numpy", _with(mse="np.allclose = lambda *a, **k: True\n"
                              "np.isclose = lambda *a, **k: True\n" + MSE_CHEAT),
         {"test_mse"}, "mse"),
    Case("patch_checks", _with(mse="checks.expect_number = lambda *a, **k: None\n" + MSE_CHEAT),
         {"test_mse"}, "gdcourse.learner.checks cannot be changed"),
    Case("patch_reference", _with(mse="gdlib.losses.mse = lambda pred, target: 0.0\n"
                                  + MSE_CHEAT), {"test_mse"}, "mse"),
    Case("read_hidden_tests", _with(smoothed_min_loss=READ_SECRETS), {"test_smoothed_min_loss"},
         "SMOOTHED_MIN_LOSS = 0.1 is not right"),
    Case("write_outside", _with(smoothed_min_loss=VANDAL)),
    # harm to other students
    Case("kill_grader", _attack(A.KILL_GRADER), kind="harm"),
    Case("stop_grader", _attack(A.STOP_GRADER), kind="harm"),
    Case("delete_submissions", _attack(A.DELETE_SUBMISSIONS), kind="harm"),
    Case("rewrite_gradebook_file", _attack(A.REWRITE_SQLITE), kind="harm"),
    Case("rewrite_gradebook_server", _attack(A.REWRITE_POSTGRES), kind="harm"),
    Case("startup_file", _attack(A.STARTUP_FILE), kind="harm"),
    Case("pth_file", _attack(A.PTH_FILE), kind="harm"),
    Case("patch_site_packages", _attack(A.PATCH_SITE_PACKAGES), kind="harm"),
    Case("patch_gdlib", _attack(A.PATCH_GDLIB), kind="harm"),
    # nbgrader refuses cells of unknown grade ids (every task zero); the grader never runs them
    Case("forged_test_cell", _edit(_forged_cells), ALL, "could not run this notebook",
         kind="harm", rejected=True),
    # secrets: each answers the last task right only if it found what it looked for
    Case("read_environ", _with(smoothed_min_loss=A.READ_ENVIRON), {"test_smoothed_min_loss"},
         kind="secrets"),
    Case("read_memory", _with(smoothed_min_loss=A.READ_MEMORY), {"test_smoothed_min_loss"},
         kind="secrets"),
    Case("read_solutions", _with(smoothed_min_loss=A.READ_SOLUTIONS), {"test_smoothed_min_loss"},
         kind="secrets"),
    Case("socket_out", _attack(A.SOCKET_OUT), kind="secrets"),
    # resources
    Case("huge_display", _attack(A.HUGE_DISPLAY), says="output cut", kind="resources"),
    Case("daemons", _attack(A.DAEMONS), kind="resources"),
    Case("fill_tmp", _attack(A.FILL_TMP), kind="resources"),
    Case("orphan_pipe", _attack(A.ORPHAN), kind="resources"),
    # points without solving: each beside a wrong mse that must still score zero
    Case("input_transformer", _attack(A.INPUT_TRANSFORMER, MSE_CHEAT), {"test_mse"},
         kind="points"),
    Case("swap_code", _attack(A.SWAP_CODE, MSE_CHEAT), {"test_mse"}, kind="points"),
    Case("clear_guard", _attack(A.CLEAR_GUARD, MSE_CHEAT), {"test_mse"}, kind="points"),
    # the feedback page
    Case("script_in_feedback", _edit(_script_in_markdown), kind="feedback"),
    Case("script_in_output", _attack(A.SCRIPT_OUTPUT), kind="feedback"),
]


def by_name(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


# -- what an attack left on the machine --------------------------------------------------------

def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "unreadable"


def host_state() -> dict[str, str]:
    """Files an attack would change to reach later kernels: path -> digest.

    Every file of the course's packages (gdlib, gdcourse), numpy's ``__init__.py``, the top of
    every site-packages folder (``.pth`` files, ``sitecustomize``) and IPython's startup folders
    of this user.
    """
    import numpy

    import gdcourse
    import gdlib

    files = [*Path(gdlib.__file__).parent.rglob("*.py"),
             *Path(gdcourse.__file__).parent.rglob("*.py"),
             Path(numpy.__file__)]
    for folder in {*site.getsitepackages(), site.getusersitepackages()}:
        if os.path.isdir(folder):
            files += [p for p in Path(folder).iterdir() if p.is_file()]
    for base in {os.path.expanduser("~"), os.environ.get("IPYTHONDIR", "")} - {""}:
        for startup in Path(base).glob("**/profile_default/startup"):
            files += list(startup.iterdir())
    return {str(p): _digest(p) for p in files if "__pycache__" not in p.parts}


def changes_on_the_host(before: dict[str, str], where: Where) -> list[str]:
    """What differs from ``before`` and what the attacks of ``where``'s run left running or lying
    around (processes named :data:`attacks.DAEMON`, files named :data:`attacks.LEFT`)."""
    after = host_state()
    found = [f"changed: {p}" for p in before if after.get(p) != before[p]]
    found += [f"new: {p}" for p in after if p not in before]
    left = where.fill(attacks.LEFT)
    for folder in ("/tmp", "/var/tmp", "/dev/shm", os.path.expanduser("~")):
        try:
            found += [f"left: {folder}/{n}" for n in os.listdir(folder) if left in n]
        except OSError:
            pass
    daemon = where.fill(attacks.DAEMON).encode()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if daemon in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(f"process {pid} still runs")
        except OSError:
            pass
    return found


class Listener:
    """A TCP server on 127.0.0.1 that records what connects to it (``with Listener() as l``)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.received.append(conn.recv(4096) or b"<connected>")
                except OSError:
                    self.received.append(b"<connected>")

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def active_content(page: str, mark: str = attacks.XSS) -> list[str]:
    """Places of an HTML page where ``mark`` could run: a script, an event handler, a
    ``javascript:`` URL."""
    found = [m for m in re.findall(r"<script[^>]*>(.*?)</script>", page, re.S | re.I)
             if mark in m]
    found += re.findall(r"<[^>]+\bon\w+\s*=\s*[\"']?[^>]*" + re.escape(mark), page, re.I)
    found += re.findall(r"<[^>]+(?:href|src)\s*=\s*[\"']?\s*javascript:", page, re.I)
    return found
