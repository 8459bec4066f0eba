"""The library of wrong and of correct-but-different submissions, and grading it in-process.

``wrong/<assignment>/<mistake>.py`` is the code of one answer cell with a common mistake in it.
Its docstring names the cell it replaces, the test cell (task) that must lose points, a phrase
of the hint the learner must get, and the id of the modelled mistake whose hint that is::

    \"\"\"The gradient of the MSE with the residual the wrong way round.

    cell: mse_grad
    task: test_mse_grad
    hint: it points uphill
    mistake: sign-flipped
    \"\"\"
    def mse_grad(pred, target):
        return 2.0 * (target - pred) / pred.size

``right/<assignment>/<variant>.py`` is the code of one answer cell written differently from the
solution but correctly (a loop, another dtype, an equivalent formula); its docstring names the
``cell:`` and says what is different. It must get full marks.

Everything after the docstring (except ``# ruff:`` lines) becomes the cell's source, unless it
is one assignment ``REPLACE = {"old": "new", ...}``: then the cell's source is the solution's
with each ``old`` (which must occur exactly once) replaced by ``new``, which keeps a mistake
that changes one line one line long::

    \"\"\"The gradient of the MSE without the 1/N of the mean. ... \"\"\"
    REPLACE = {"/ pred.size": ""}

A mistake id names one modelled mistake across the whole library (``calls-reference`` is the
same mistake in every exercise): its hint phrase must appear in the feedback of the submissions
that make it and in no other submission's, in any exercise. ``mistake: -`` marks a submission
whose hint reports what was observed without naming a cause (no model fits it).

:func:`grade_library` grades every submission in this process, by running the answer cells and
then the test cells (hidden tests included) as ``grade_this_notebook`` does: fast enough for a
test of the whole library and for ``bench/feedback.py``. ``tests/grading/test_assignments.py``
also grades each exercise's submissions with nbgrader and in a kernel.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRONG = HERE / "wrong"
RIGHT = HERE / "right"
NO_MISTAKE = "-"  # the hint reports what was observed; no modelled mistake
_FIELD = re.compile(r"^(cell|task|hint|mistake):\s*(.+?)\s*$", re.M)


@dataclass
class Wrong:
    name: str
    cell: str
    task: str
    hint: str
    code: str
    mistake: str | None = None  # None: the docstring has no `mistake:` field yet

    @property
    def modelled(self) -> bool:
        return self.mistake not in (None, NO_MISTAKE)

    @property
    def tasks(self) -> list[str]:
        """The test cells that must lose points: ``task:`` may list several, separated by
        commas, for a mistake that leaves nothing of a class to grade (an optimizer whose step
        never changes the parameters fails every feature's test)."""
        return [t.strip() for t in self.task.split(",")]


@dataclass
class Right:
    name: str
    cell: str
    what: str  # the docstring's first line: what is different
    code: str


def _parse(path: Path, solutions: dict[str, str] | None = None
           ) -> tuple[str, dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    doc = ast.get_docstring(tree) or ""
    fields = dict(_FIELD.findall(doc))
    rest = tree.body[1:]
    if (len(rest) == 1 and isinstance(rest[0], ast.Assign)
            and [getattr(t, "id", None) for t in rest[0].targets] == ["REPLACE"]):
        return doc, fields, _replaced(path, ast.literal_eval(rest[0].value),
                                      (solutions or {}).get(fields.get("cell", "")))
    body = text.splitlines()[tree.body[0].end_lineno:]
    code = "\n".join(ln for ln in body if not ln.startswith("# ruff:")).strip("\n")
    return doc, fields, code


def _replaced(path: Path, replace: dict[str, str], solution: str | None) -> str:
    if solution is None:
        raise ValueError(f"{path}: REPLACE needs the `cell:` of a solution to change")
    for old, new in replace.items():
        if solution.count(old) != 1:
            raise ValueError(f"{path}: {old!r} occurs {solution.count(old)} times in the "
                             "solution's cell; REPLACE needs it exactly once")
        solution = solution.replace(old, new)
    return solution


def _solutions(assignment: str) -> dict[str, str]:
    """Each answer cell's solution code (markers removed), by grade id."""
    from gdcourse.grading.layout import Layout

    path = Layout.course().source_notebook(assignment)
    if not path.is_file():
        return {}
    return {gid: Layout.strip_solution_markers(Layout.text(c))
            for gid, c in Layout.answer_cells(Layout.read(path)).items()}


def load(assignment: str) -> list[Wrong]:
    """The wrong submissions of ``assignment``, sorted by file name."""
    out, solutions = [], _solutions(assignment)
    for path in sorted((WRONG / assignment).glob("*.py")):
        _, fields, code = _parse(path, solutions)
        missing = {"cell", "task", "hint"} - set(fields)
        if missing:
            raise ValueError(f"{path}: the docstring lacks {sorted(missing)}")
        out.append(Wrong(path.stem, fields["cell"], fields["task"], fields["hint"], code,
                         fields.get("mistake")))
    return out


def load_right(assignment: str) -> list[Right]:
    """The correct-but-different submissions of ``assignment``, sorted by file name."""
    out, solutions = [], _solutions(assignment)
    for path in sorted((RIGHT / assignment).glob("*.py")):
        doc, fields, code = _parse(path, solutions)
        if "cell" not in fields:
            raise ValueError(f"{path}: the docstring lacks 'cell'")
        out.append(Right(path.stem, fields["cell"], doc.splitlines()[0], code))
    return out


# -- grading in this process ---------------------------------------------------------------
@dataclass
class Graded:
    """One submission graded in-process: per task, the score, its maximum and the hint."""

    assignment: str
    student: str  # "solution", "unmodified", "wrong-<name>" or "right-<name>"
    tasks: dict[str, tuple[float, float, str]] = field(default_factory=dict)

    def hints(self) -> str:
        return " ".join(_plain(h) for _, _, h in self.tasks.values() if h)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _cells(assignment: str, replacements: dict[str, str] | None, unmodified: bool = False):
    """The code cells a learner's "Run All" executes before grading: every answer cell (the
    solution, a replacement or the stub) and every read-only code cell, in notebook order.

    The setup cell (installs the course when it is missing) and the last cell (the grade
    itself) are left out; the test cells run afterwards, in :func:`grade`.
    """
    from gdcourse.grading.layout import Layout

    nb = Layout.read(Layout.course().source_notebook(assignment))
    answers = Layout.answer_cells(nb)
    unknown = set(replacements or {}) - set(answers)
    if unknown:
        raise KeyError(f"{assignment}: no answer cell with grade id {sorted(unknown)}")
    for cell in nb["cells"]:
        if cell.get("cell_type") != "code" or "course-setup" in cell["metadata"].get("tags", []):
            continue
        kind, gid = Layout.kind(cell), Layout.grade_id(cell)
        if kind == "answer":
            text = Layout.text(cell)
            if gid in (replacements or {}):
                yield gid, replacements[gid]
            elif unmodified:
                yield gid, Layout.without_solutions(text)
            else:
                yield gid, Layout.strip_solution_markers(text)
        elif kind == "read-only" and gid != "grade_yourself":
            yield gid, Layout.text(cell)


def grade(assignment: str, replacements: dict[str, str] | None = None, *,
          unmodified: bool = False, student: str = "solution") -> Graded:
    """Run a submission's cells in a fresh namespace, then its test cells; one result per task.

    An answer cell that raises is left as it is (as in a notebook run top to bottom); its
    task then fails on a missing name or on the learner's error, as it would under nbgrader.
    """
    from gdcourse.learner.notebook import run_tests

    namespace: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for gid, code in _cells(assignment, replacements, unmodified):
            try:
                exec(compile(code, f"<cell {gid}>", "exec"), namespace)  # noqa: S102
            except Exception:  # noqa: BLE001 (the learner's cell failed: its test will say so)
                pass
    results = run_tests(assignment, namespace)
    return Graded(assignment, student,
                  {r.grade_id: (r.score, r.max_score, r.hint) for r in results})


def assignments() -> list[str]:
    """Every assignment of the course (each has a folder of wrong submissions)."""
    from gdcourse.grading.layout import Layout

    return Layout.course().assignments()


def grade_library(names: list[str] | None = None) -> list[Graded]:
    """Every submission of the library graded in-process: solution, unmodified, wrong, right.

    The guard of the checks is switched on by the imports cells, as in a notebook; run this
    in a process of its own (``python tests/grading/wrong_submissions.py``) when that matters.
    """
    out = []
    for name in names or assignments():
        out.append(grade(name, student="solution"))
        out.append(grade(name, unmodified=True, student="unmodified"))
        for w in load(name):
            out.append(grade(name, {w.cell: w.code}, student=f"wrong-{w.name}"))
        for r in load_right(name):
            out.append(grade(name, {r.cell: r.code}, student=f"right-{r.name}"))
    return out


def problems(graded: list[Graded]) -> list[str]:
    """What the library must show, checked on in-process grades.

    - the solution and every right submission get full marks;
    - each wrong submission loses points on its own task only, with its hint there;
    - each modelled mistake's hint phrase appears in no other submission's hints (any
      exercise), unless that submission makes the same mistake.
    """
    wrongs = {(a, f"wrong-{w.name}"): w for a in {g.assignment for g in graded}
              for w in load(a)}
    out = []
    for g in graded:
        lost = [gid for gid, (s, m, _) in g.tasks.items() if s < m]
        if g.student == "solution" or g.student.startswith("right-"):
            out += [f"{g.assignment}/{g.student}: lost points on {gid}: "
                    f"{_plain(g.tasks[gid][2])[:300]}" for gid in lost]
        w = wrongs.get((g.assignment, g.student))
        if w is None:
            continue
        out += [f"{g.assignment}/{w.name}: {task} still scored full marks"
                for task in w.tasks if task not in lost]
        out += [f"{g.assignment}/{w.name}: lost points on {gid} too: "
                f"{_plain(g.tasks[gid][2])[:300]}" for gid in lost if gid not in w.tasks]
        for task in w.tasks:
            own = _plain(g.tasks.get(task, (0, 0, ""))[2])
            if w.hint not in own:
                out.append(f"{g.assignment}/{w.name}: the hint of {task} lacks {w.hint!r}; "
                           f"it said: {own[:300]}")
    for (assignment, student), w in wrongs.items():
        if not w.modelled:
            continue
        for other in graded:
            ow = wrongs.get((other.assignment, other.student))
            if (other.assignment, other.student) == (assignment, student) or (
                    ow is not None and ow.mistake in (w.mistake, None)):
                continue  # the same mistake, or one not named yet (its own test says so)
            if w.hint in other.hints():
                out.append(f"{assignment}/{w.name}: the hint of mistake {w.mistake!r} "
                           f"({w.hint!r}) also fires on {other.assignment}/{other.student}")
    return out


def main(argv: list[str] | None = None) -> int:
    """``python tests/grading/wrong_submissions.py [ASSIGNMENT ...]``: JSON of the grades."""
    args = sys.argv[1:] if argv is None else argv
    graded = grade_library(args or None)
    json.dump([asdict(g) for g in graded], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    raise SystemExit(main())
