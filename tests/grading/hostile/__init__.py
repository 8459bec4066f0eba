"""Broken and hostile submissions of ex01_losses, built from the solution when they are graded.

Each :class:`Case` makes one submission (the bytes of the file a learner hands in, and its file
name) and says what grading must give: ``expect`` maps a test cell to ``"full"`` or ``"zero"``
(cells not named keep full marks), and ``says`` is a phrase that the learner's feedback (or the
grader's report, for a submission that cannot be run) must contain. ``bound`` is the wall-clock
time in seconds that grading this submission may take, with the limits the test sets.

Nothing here is stored as a notebook: the cases are code, generated from the solution (and the
student version) of the assignment at test time, so the repository stays small.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field

import nbformat

from gdcourse.grading.course import fill_in
from gdcourse.grading.layout import Layout

LAYOUT = Layout.course()

ASSIGNMENT = "ex01_losses"
TASKS = ["test_mse", "test_mse_grad", "test_huber", "test_huber_grad",
         "test_binary_cross_entropy", "test_binary_cross_entropy_grad", "test_cross_entropy",
         "test_cross_entropy_grad", "test_smoothed_cross_entropy_grad", "test_smoothed_min_loss"]


@dataclass
class Case:
    name: str
    make: Callable  # (release, source) -> (file name, bytes)
    expect: dict[str, str] = field(default_factory=dict)  # zero tasks; the rest full marks
    says: str = ""
    bound: float = 60.0
    rejected: bool = False  # cannot be run at all: every task zero, a report says why


def _solved(release, source, **cells) -> nbformat.NotebookNode:
    return fill_in(release, source, cells)


def _bytes(nb) -> bytes:
    return nbformat.writes(nb).encode()


def _code(release, source, cell: str, code: str, name: str = f"{ASSIGNMENT}.ipynb"):
    return lambda release, source: (name, _bytes(_solved(release, source, **{cell: code})))


def _solution_of(source, cell):
    return Layout.strip_solution_markers(Layout.answer_cells(source)[cell].source)


ALL_ZERO = dict.fromkeys(TASKS, "zero")


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


def _edit(release, source, edit):
    nb = _solved(release, source)
    edit(nb)
    return f"{ASSIGNMENT}.ipynb", _bytes(nb)


def deleted_test_cell(release, source):
    def edit(nb):
        nb.cells = [c for c in nb.cells
                    if Layout.grade_id(c) != "test_mse_grad"]
    return _edit(release, source, edit)


def edited_test_cell(release, source):
    def edit(nb):
        cell = Layout.test_cells(nb)["test_cross_entropy"]
        cell.source = "# Task 3: cross_entropy (3 points)\nchecks.passed('Task 3')"
    return _edit(release, source, edit)


def edited_readonly_cell(release, source):
    def edit(nb):
        cell = next(c for c in nb.cells
                    if Layout.grade_id(c) == "imports")
        cell.source += "\nnp.allclose = lambda *a, **k: True"
    return _edit(release, source, edit)


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



CASES = [
    Case("malformed_json", malformed, ALL_ZERO, "not valid JSON", rejected=True),
    Case("nbformat_v3", old_format),
    Case("other_assignment", other_assignment, ALL_ZERO, "ex02_gradients", rejected=True),
    Case("renamed_file", renamed, {}, "Copy of ex01_losses.ipynb"),
    Case("deleted_test_cell", deleted_test_cell),
    Case("edited_test_cell", edited_test_cell),
    Case("edited_readonly_cell", edited_readonly_cell),
    Case("renamed_function", _with(mse_grad=lambda s: _solution_of(s, "mse_grad").replace(
        "def mse_grad", "def mse_gradient")), {"test_mse_grad": "zero"}, "mse_grad"),
    Case("exception_at_import", _with(mse=_prefix("mse", "import torch_not_here\n")),
         {"test_mse": "zero"}, "ModuleNotFoundError"),
    Case("infinite_loop", _with(mse_grad=LOOP), {"test_mse_grad": "zero"}, "interrupted"),
    Case("loop_ignores_interrupt", _with(mse_grad=STUBBORN_LOOP), {"test_mse_grad": "zero"},
         "did not stop when interrupted"),
    Case("memory_bomb", _with(mse_grad=MEMORY_BOMB), {"test_mse_grad": "zero"}, "MemoryError"),
    Case("sys_exit", _with(mse=_prefix("mse", "import sys\nsys.exit(0)\n"))),
    Case("os_exit", _with(mse_grad="import os\ndef mse_grad(pred, target):\n    os._exit(1)\n"),
         {"test_mse_grad": "zero"}, "kernel died"),
    Case("kernel_killed", _with(cross_entropy=KILL), {"test_cross_entropy": "zero"},
         "cross_entropy"),
    Case("printed_output", _with(mse_grad=lambda s: _solution_of(s, "mse_grad") + "\n"
                                 + PRINT_BOMB)),
    Case("huge_image", huge_image),
    Case("patch_numpy", _with(mse="np.allclose = lambda *a, **k: True\n"
                              "np.isclose = lambda *a, **k: True\n" + MSE_CHEAT),
         {"test_mse": "zero"}, "numpy"),
    Case("patch_checks", _with(mse="checks.expect_number = lambda *a, **k: None\n" + MSE_CHEAT),
         {"test_mse": "zero"}, "checks"),
    Case("patch_reference", _with(mse="gdlib.losses.mse = lambda pred, target: 0.0\n"
                                  + MSE_CHEAT), {"test_mse": "zero"}, "gdlib"),
    Case("read_hidden_tests", _with(smoothed_min_loss=lambda s: READ_SECRETS),
         {"test_smoothed_min_loss": "zero"}, "SMOOTHED_MIN_LOSS"),
    Case("write_outside", _with(smoothed_min_loss=lambda s: VANDAL)),
]


def by_name(name: str) -> Case:
    return next(c for c in CASES if c.name == name)
