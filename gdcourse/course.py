"""A throwaway nbgrader course directory: generate, autograde and give feedback as instructors do.

The self-grade command, the book's exercise pages and the grading tests all drive nbgrader
through :class:`Course`. It runs nbgrader's own command line (``python -m nbgrader ...``) in a
folder of its own, with the repository's ``nbgrader_config.py`` loaded as is and a SQLite
gradebook inside that folder, so a score here equals the score an instructor gets, and nothing
outside the folder is touched.

    >>> course = Course(tmp_path, ["ex01_losses"])          # doctest: +SKIP
    >>> course.generate("ex01_losses")                      # release/ex01_losses/*.ipynb
    >>> course.submit("ex01_losses", "ada", "filled.ipynb")
    >>> course.grade("ex01_losses")                         # autograde, then feedback
    >>> course.results("ex01_losses", "ada")                # per-task scores and hints
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
CONFIG = ROOT / "nbgrader_config.py"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class GradingError(RuntimeError):
    """nbgrader itself failed (not a learner's test): the message holds its log."""


def assignments(source: Path = SOLUTIONS) -> list[str]:
    """Names of the assignments in ``source``: folders ``exNN_name`` holding ``exNN_name.ipynb``."""
    return sorted(p.name for p in source.glob("ex[0-9][0-9]_*")
                  if (p / f"{p.name}.ipynb").is_file())


def source_notebook(assignment: str, source: Path = SOLUTIONS) -> Path:
    return source / assignment / f"{assignment}.ipynb"


def grade_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    """The autograded test cells of a notebook, by grade id, in notebook order."""
    out = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution") and cell.cell_type == "code":
            out[meta["grade_id"]] = cell
    return out


def solution_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    """The cells a learner fills in, by grade id."""
    out = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            out[meta["grade_id"]] = cell
    return out


def task_title(cell: nbformat.NotebookNode) -> str:
    """The title of a test cell: its first line, a comment such as ``# Task 2: mse_grad``."""
    first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
    return first.lstrip("# ").strip() if first.startswith("#") else \
        cell.metadata["nbgrader"]["grade_id"]


@dataclass
class TaskResult:
    """The outcome of one graded test cell."""

    grade_id: str
    title: str
    score: float
    max_score: float
    hint: str  # the message of the failed check, "" when the cell passed

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


def hint_of(cell: nbformat.NotebookNode) -> str:
    """The error message a test cell's outputs end with ("" if it raised nothing)."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            text = "\n".join(out.get("traceback") or [f"{out.get('ename')}: {out.get('evalue')}"])
            return ANSI.sub("", text).strip()
    return ""


class Course:
    """An nbgrader course directory at ``root`` for some assignments of ``source``.

    ``config`` is appended to the course's ``nbgrader_config.py`` (e.g. a shorter timeout for
    a test, or ``c.CourseDirectory.db_url`` of a shared database).
    """

    def __init__(self, root: Path, names: list[str] | None = None,
                 source: Path = SOLUTIONS, timeout: int = 600, config: str = "") -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        names = assignments(source) if names is None else names
        for name in names:
            dst = self.root / "solutions" / name
            if not dst.exists():
                shutil.copytree(source / name, dst,
                                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        db = self.root / "gradebook.db"
        (self.root / "nbgrader_config.py").write_text(
            "# A temporary course: the repository's settings, this folder's gradebook.\n"
            "c = get_config()  # noqa: F821\n"
            f"load_subconfig({str(CONFIG)!r})  # noqa: F821\n"
            f"c.CourseDirectory.root = {str(self.root)!r}\n"
            f"c.CourseDirectory.db_url = {'sqlite:///' + str(db)!r}\n" + config)

    # -- nbgrader commands ------------------------------------------------------------------
    def run(self, *steps: tuple[str, str]) -> str:
        """Run nbgrader steps, e.g. ``("generate", "ex01_losses")``, in one Python process.

        The steps are ``generate`` (generate_assignment), ``autograde`` and ``feedback``
        (generate_feedback), each for every student of the assignment. They run through
        nbgrader's Python API in a child process started once for all of them (importing
        nbgrader takes seconds). Returns the log; raises :class:`GradingError` on failure.
        """
        env = dict(os.environ)
        env.pop("NBGRADER_DB_URL", None)
        # the kernels import this repository's gdlib and gdcourse, whatever is installed
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
        # nbgrader runs `alembic` (and kernels) from the PATH: put this Python's scripts first
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        env.setdefault("MPLBACKEND", "Agg")
        args = [f"{step}:{name}" for step, name in steps]
        proc = subprocess.run([sys.executable, "-m", "gdcourse.course", str(self.root), *args],
                              cwd=self.root, env=env, capture_output=True, text=True,
                              timeout=self.timeout)
        log = proc.stdout + proc.stderr
        if proc.returncode != 0:
            raise GradingError(f"nbgrader {' '.join(args)} failed:\n{log}")
        return log

    def generate(self, assignment: str) -> Path:
        """``nbgrader generate_assignment``: return the student version's path."""
        self.run(("generate", assignment))
        return self.release(assignment)

    def release(self, assignment: str) -> Path:
        return self.root / "release" / assignment / f"{assignment}.ipynb"

    def submit(self, assignment: str, student: str, notebook) -> Path:
        """Place a notebook (a path or a NotebookNode) as ``student``'s submission."""
        dst = self.root / "submitted" / student / assignment / f"{assignment}.ipynb"
        dst.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(notebook, (str, Path)):
            shutil.copyfile(notebook, dst)
        else:
            nbformat.write(notebook, dst)
        return dst

    def grade(self, assignment: str, generate: bool = False) -> str:
        """Autograde every submission of ``assignment`` and write everyone's feedback."""
        steps = [("generate", assignment)] if generate else []
        return self.run(*steps, ("autograde", assignment), ("feedback", assignment))

    # -- results ----------------------------------------------------------------------------
    def autograded(self, assignment: str, student: str) -> Path:
        return self.root / "autograded" / student / assignment / f"{assignment}.ipynb"

    def feedback_html(self, assignment: str, student: str) -> Path:
        return self.root / "feedback" / student / assignment / f"{assignment}.html"

    def results(self, assignment: str, student: str) -> list[TaskResult]:
        """Per-task scores from the gradebook, with the hint of each failed test cell."""
        from nbgrader.api import Gradebook

        nb = nbformat.read(self.autograded(assignment, student), as_version=4)
        cells = grade_cells(nb)
        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gb:
            sub = gb.find_submission_notebook(assignment, assignment, student)
            scores = {g.name: (float(g.score), float(g.max_score)) for g in sub.grades
                      if g.name in cells}
        return [TaskResult(gid, task_title(cell), *scores[gid],
                           "" if scores[gid][0] >= scores[gid][1] else hint_of(cell))
                for gid, cell in cells.items()]


def fill_in(release_nb: nbformat.NotebookNode, source_nb: nbformat.NotebookNode,
            replacements: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """A complete submission: the student version with every solution cell answered.

    Each solution cell gets the source notebook's solution (the marker lines removed), except
    the cells named in ``replacements`` (grade id -> code), which get that code instead.
    """
    nb = nbformat.from_dict(release_nb)
    answers = {gid: strip_markers(c.source) for gid, c in solution_cells(source_nb).items()}
    answers.update(replacements or {})
    unknown = set(replacements or {}) - set(solution_cells(nb))
    if unknown:
        raise KeyError(f"no solution cell with grade id {sorted(unknown)}")
    for gid, cell in solution_cells(nb).items():
        cell.source = answers[gid]
    return nb


def strip_markers(source: str) -> str:
    """Remove the ``### BEGIN/END SOLUTION`` lines, keeping the code between them."""
    return "\n".join(line for line in source.splitlines()
                     if not re.match(r"\s*### (BEGIN|END) SOLUTION\s*$", line))


def _fast_alembic_version() -> None:
    """Read the gradebook schema's version in-process.

    nbgrader asks a child ``alembic heads`` process, which imports nbgrader again: seconds per
    command. Same answer, read from the same migration scripts.
    """
    import nbgrader.api as nbapi

    try:
        from alembic.config import Config as AlembicConfig
        from alembic.script import ScriptDirectory

        with nbapi._temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:
            head = ScriptDirectory.from_config(AlembicConfig(ini)).get_current_head()
    except Exception:  # nbgrader changed: keep its own way
        return
    if head:
        nbapi.get_alembic_version = lambda: head


def _main(argv: list[str]) -> int:
    """``python -m gdcourse.course ROOT STEP:ASSIGNMENT...``: what :meth:`Course.run` starts."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    _fast_alembic_version()
    root, steps = Path(argv[0]).resolve(), argv[1:]
    os.chdir(root)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    api = NbGraderAPI(config=config)
    for step in steps:
        what, _, name = step.partition(":")
        if what == "generate":
            result = api.generate_assignment(name, force=True, create=True)
        elif what == "autograde":
            result = api.autograde(name, "*", force=True, create=True)
        elif what == "feedback":
            result = api.generate_feedback(name, force=True)
        else:
            print(f"unknown step {what!r}", file=sys.stderr)
            return 2
        log = result.get("log", "")
        print(log)
        if not result["success"] or "[ERROR]" in log:
            print(result.get("error", ""), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
