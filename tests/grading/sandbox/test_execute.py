"""The nbgrader step: a fake assignment notebook graded as nbgrader would grade it.

Scores are computed by nbgrader's own ``determine_grade`` from the outputs the step leaves, so
``SaveAutoGrades`` would record the same. Each case edits the learner's cells of an honest
notebook and states the expected score of each test cell.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import determine_grade
from test_judge import MSE, SGD, TEST_MSE, TEST_SGD

from gdcourse.grading.sandbox.execute import LimitedExecute, is_test

HERE = Path(__file__).resolve().parent  # the notebook's folder: fakechecks.py is beside it


def meta(grade_id, grade=False, solution=False, locked=False, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
         "solution": solution, "task": False}
    if points is not None:
        m["points"] = points
    return {"nbgrader": m}


def notebook(mse=MSE["correct"], sgd=SGD["correct"], extra: str | None = None,
             extra_at: int = 2) -> nbformat.NotebookNode:
    v4 = nbformat.v4
    cells = [
        v4.new_markdown_cell("# A fake exercise"),
        v4.new_code_cell("import numpy as np\nimport fakechecks as checks",
                         metadata=meta("imports", locked=True)),
        v4.new_code_cell(mse, metadata=meta("mse", solution=True)),
        v4.new_code_cell(TEST_MSE, metadata=meta("test_mse", grade=True, locked=True,
                                                 points=2)),
        v4.new_code_cell(sgd, metadata=meta("sgd", solution=True)),
        v4.new_code_cell(TEST_SGD, metadata=meta("test_sgd", grade=True, locked=True,
                                                 points=3)),
    ]
    if extra is not None:
        cells.insert(extra_at, v4.new_code_cell(extra))
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


def grade(nb, sandbox=True, **config):
    ep = LimitedExecute(sandbox=sandbox, timeout=config.pop("timeout", 10), **config)
    out, _ = ep.preprocess(copy.deepcopy(nb), {"metadata": {"path": str(HERE)}})
    scores = {c.metadata.nbgrader.grade_id: determine_grade(c)[0]
              for c in out.cells if is_test(c)}
    return scores, out


FULL = {"test_mse": 2.0, "test_sgd": 3.0}


@pytest.mark.parametrize("sandbox", [True, False])
def test_honest_and_wrong_notebooks_score_the_same_with_and_without_the_sandbox(sandbox):
    assert grade(notebook(), sandbox)[0] == FULL
    wrong, out = grade(notebook(mse=MSE["sum"], sgd=SGD["rebinds"]), sandbox)
    assert wrong == {"test_mse": 0.0, "test_sgd": 0.0}
    texts = [o.get("evalue", "") for c in out.cells if is_test(c) for o in c.outputs]
    assert "mse is wrong: 6.25 instead of 1.5625" in texts
    assert "SGD.step did not change the parameters" in texts


def test_tampering_in_the_learners_cells_does_not_change_the_scores():
    """An input transformer that empties every test cell: full marks in one kernel, not here."""
    attack = """
np.allclose = lambda *a, **k: True
ip = get_ipython()
ip.input_transformers_cleanup.append(
    lambda lines: ['pass\\n'] if any('checks.' in line for line in lines) else lines)
"""
    nb = notebook(mse=MSE["sum"], extra=attack, extra_at=3)
    assert grade(nb, sandbox=False)[0] == FULL  # the attack works when tests share the kernel
    assert grade(nb)[0] == {"test_mse": 0.0, "test_sgd": 3.0}


def test_a_flood_of_printing_is_cut_per_cell_and_grading_goes_on():
    flood = "chunk = 'x' * 1_000_000\nfor _ in range(100):  # 100 MB\n    print(chunk)\n"
    scores, out = grade(notebook(extra=flood))
    assert scores == FULL
    cell = out.cells[2]
    size = sum(len(o.get("text", "")) for o in cell.outputs)
    assert size < 210_000 and "output cut" in cell.outputs[-1]["text"]
    assert len(json.dumps(out)) < 3_000_000


@pytest.mark.parametrize("code", [
    "display({'text/plain': 'x' * 50_000_000}, raw=True)",             # one message of 50 MB
    "display({'text/html': '<b>' + 'x' * 900_000 + '</b>'}, raw=True)\n" * 30,  # 30 of 0.9 MB
    "class Big:\n    def _repr_html_(self):\n        return 'y' * 20_000_000\nBig()",
])
def test_huge_displays_are_capped_on_every_kind_of_output(code):
    scores, out = grade(notebook(extra=code))
    assert scores == FULL
    assert len(json.dumps(out)) < 3_000_000


def test_an_error_is_shortened_never_dropped():
    scores, out = grade(notebook(extra="raise ValueError('e' * 5_000_000)"))
    error = [o for o in out.cells[2].outputs if o.output_type == "error"]
    assert error and len(error[0].evalue) <= 1000
    assert scores == FULL


def leftovers() -> set[str]:
    """Shared folders and cgroups of this process's sandboxes (named after its pid: others may
    be grading beside it)."""
    import glob
    mine = f"gdsb-{os.getpid()}-"
    return set(glob.glob(f"/tmp/{mine}*") + glob.glob(f"/sys/fs/cgroup/*/{mine}*")
               + glob.glob(f"/sys/fs/cgroup/*/*/*/{mine}*"))


def test_a_learner_cell_that_kills_the_kernel_scores_its_task_zero_the_rest_is_graded():
    before = leftovers()
    sgd = "import os\nos._exit(1)\n" + SGD["correct"]
    scores, out = grade(notebook(sgd=sgd))
    assert leftovers() - before == set()  # the dead kernel's sandbox was cleaned up too
    assert scores == {"test_mse": 2.0, "test_sgd": 0.0}
    assert out.cells[4].outputs[0].ename == "KernelDied"


def test_a_test_whose_call_ignores_the_interrupt_scores_zero_the_rest_is_graded():
    stubborn = ("def mse(pred, target):\n    while True:\n        try:\n"
                "            while True:\n                pass\n"
                "        except KeyboardInterrupt:\n            pass\n")
    scores, out = grade(notebook(mse=stubborn), timeout=2)
    assert scores == {"test_mse": 0.0, "test_sgd": 3.0}
    assert out.cells[3].outputs[-1].ename == "CellTimeout"


def test_a_test_cell_shows_no_line_of_its_code():
    _, out = grade(notebook(mse=MSE["crash"]))
    shown = json.dumps([o for c in out.cells if is_test(c) for o in c.outputs])
    assert "checks.call(mse, p, t)" not in shown and "np.array([[0.5" not in shown
    assert "mse raised ValueError: shapes (2, 2)" in shown


def test_one_grader_an_attacker_then_an_honest_student_who_keeps_the_clean_grade():
    """Nothing a submission does reaches the next one graded by the same grader."""
    attack = """
import os, numpy, pathlib
startup = pathlib.Path(os.environ['HOME'], '.ipython/profile_default/startup')
startup.mkdir(parents=True, exist_ok=True)
(startup / '00-evil.py').write_text('import numpy; numpy.allclose = lambda *a, **k: True')
for target in (os.path.dirname(numpy.__file__) + '/evil.pth', '/tmp/../evil.pth'):
    try:
        open(target, 'w').write('import os')
    except OSError:
        pass
import sys
sys.modules['fakechecks'].expect_array = lambda *a, **k: None
"""
    ep = LimitedExecute(timeout=10)
    honest = notebook(mse=MSE["sum"])  # a wrong answer: it must keep failing
    clean, _ = grade(honest)
    for nb in (notebook(extra=attack), honest):
        out, _ = ep.preprocess(copy.deepcopy(nb), {"metadata": {"path": str(HERE)}})
    after = {c.metadata.nbgrader.grade_id: determine_grade(c)[0]
             for c in out.cells if is_test(c)}
    assert after == clean == {"test_mse": 0.0, "test_sgd": 3.0}


def test_a_kernel_that_removes_its_own_cap_still_cannot_flood_the_grader():
    """The kernel-side cap is a courtesy: without it, the grader's caps hold."""
    bypass = """
import sys
ip = get_ipython()
sys.stdout = sys.stdout._stream
publish = type(ip.display_pub).publish.__get__(ip.display_pub)
publish({'text/plain': 'z' * 40_000_000})
for _ in range(50):
    publish({'text/plain': 'w' * 900_000})
print('v' * 5_000_000)
"""
    scores, out = grade(notebook(extra=bypass))
    assert scores == FULL
    assert len(json.dumps(out)) < 3_000_000
    evalue = out.cells[2].outputs[0].evalue  # the 40 MB frame was refused, the cell re-run
    assert "more output at once than the grader accepts" in evalue


def gradebook_of(nb, path: Path) -> dict:
    """A gradebook holding ``nb``'s cells as the instructor's, as generate_assignment makes it;
    the ``resources`` nbgrader's autograde passes."""
    from nbgrader.api import Gradebook

    url = f"sqlite:///{path}"
    with Gradebook(url) as gb:
        gb.add_assignment("fake")
        gb.add_notebook("fake", "fake")
        for cell in nb.cells:
            m = cell.metadata.get("nbgrader")
            if not m:
                continue
            gb.add_source_cell(m["grade_id"], "fake", "fake", cell_type=cell.cell_type,
                               locked=m["locked"], source=cell.source, checksum="")
            if m["grade"]:
                gb.add_grade_cell(m["grade_id"], "fake", "fake", max_score=m["points"],
                                  cell_type=cell.cell_type)
            if m["solution"]:
                gb.add_solution_cell(m["grade_id"], "fake", "fake")
    return {"metadata": {"path": str(HERE)},
            "nbgrader": {"db_url": url, "assignment": "fake", "notebook": "fake"}}


def test_only_the_instructors_cells_run_in_the_grader(tmp_path, monkeypatch):
    """The gradebook says which cells are the instructor's, not the submission's metadata: a
    learner's cell that claims to be a test, or a test cell whose source is not the
    instructor's, runs in the sandbox (whose host name is "sandbox")."""
    where = "import socket\nprint('ran on', socket.gethostname())\n"
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}:{os.environ['PATH']}")  # alembic
    nb = notebook()
    resources = gradebook_of(nb, tmp_path / "gradebook.db")
    nb.cells.insert(2, nbformat.v4.new_code_cell(where, metadata=meta(
        "test_forged", grade=True, locked=True, points=1)))
    nb.cells.insert(2, nbformat.v4.new_code_cell(where, metadata=meta("imports", locked=True)))
    ep = LimitedExecute(timeout=10)
    out, _ = ep.preprocess(nb, resources)
    printed = [o.get("text", "") for c in out.cells[2:4] for o in c.outputs]
    assert printed == ["ran on sandbox\n"] * 2
    scores = {c.metadata.nbgrader.grade_id: determine_grade(c)[0]
              for c in out.cells if ep.judged_kind(c) == "test"}
    assert scores == FULL  # the instructor's tests ran in the judge, as ever


def test_an_assignment_whose_tests_run_in_the_kernel_is_still_sandboxed():
    """``tests_in_kernel`` (Exercise 7's source notebook declares it): the test cells run beside
    the learner's code, so tampering in the kernel wins its points, but that kernel is still in
    the sandbox (the grader's process cannot be seen from it); other assignments keep the judge."""
    attack = """
np.allclose = lambda *a, **k: True
ip = get_ipython()
ip.input_transformers_cleanup.append(
    lambda lines: ['pass\\n'] if any('checks.' in line for line in lines) else lines)
"""
    probe = f"import os\nprint('grader visible:', os.path.exists('/proc/{os.getpid()}'))"
    nb = notebook(mse=MSE["sum"], extra=attack + probe, extra_at=3)
    ep = LimitedExecute(sandbox=True, timeout=10, tests_in_kernel=["ex99_in_kernel"])
    for assignment, scores in [("ex99_in_kernel", FULL),
                               ("ex98_judged", {"test_mse": 0.0, "test_sgd": 3.0})]:
        out, _ = ep.preprocess(copy.deepcopy(nb), {"metadata": {"path": str(HERE)},
                                                   "nbgrader": {"assignment": assignment}})
        assert {c.metadata.nbgrader.grade_id: determine_grade(c)[0]
                for c in out.cells if is_test(c)} == scores
        printed = "".join(o.get("text", "") for c in out.cells for o in c.get("outputs", []))
        assert "grader visible: False" in printed


def test_only_the_capstone_declares_its_tests_in_the_kernel():
    from gdcourse.grading.layout import Layout

    assert Layout.course().tests_in_kernel() == ["ex07_capstone"]
