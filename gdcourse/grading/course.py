"""A course folder driven from Python: generate, autograde and give feedback as instructors do.

The self-grade command, the book's release, the grading tests and the benchmarks drive nbgrader
through :class:`Course`. It runs the instructors' command (:mod:`gdcourse.grading.pipeline`) in
a child process, in a folder of its own whose ``nbgrader_config.py`` applies the course's
settings (:func:`gdcourse.grading.settings.configure`) with a SQLite gradebook inside that
folder, so a score here equals the score an instructor gets, and nothing outside the folder is
touched. Like an instructor's, its autograding runs each submission in a sandbox of its own and
the tests in the grader (:mod:`gdcourse.grading.sandbox`); ``sandbox=False`` is for a learner's
own notebook only (the self-grade command: their code, on their machine).

    >>> course = Course(tmp_path, ["ex01_losses"])          # doctest: +SKIP
    >>> course.generate("ex01_losses")                      # release/ex01_losses/*.ipynb
    >>> course.submit("ex01_losses", "ada", "filled.ipynb")
    >>> course.grade("ex01_losses")                         # autograde, then feedback
    >>> course.results("ex01_losses", "ada")                # per-task scores and hints
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from .layout import CHECKOUT, Layout
from .report import TaskResult, error_text


class GradingError(RuntimeError):
    """Grading could not be done (not a learner's failed test): the message says why."""


class Course:
    """An nbgrader course folder at ``root`` for the assignments of ``origin``.

    ``origin`` is where the assignments come from (default: the course's own,
    :meth:`Layout.course`); they are copied into the course's source folder. ``names``, if
    given, must be among them (the steps then name the ones to grade). ``config`` is
    appended to the course's ``nbgrader_config.py`` (e.g. a shorter timeout for a test);
    ``db_url`` names a shared gradebook (default: SQLite in ``root``). ``sandbox=False`` grades
    without the sandbox, the tests in the learner's kernel: only for a notebook whose author
    is the one grading it (a learner's self-grade); with ``True`` (the default) grading stops
    with :class:`~gdcourse.grading.sandbox.SandboxUnavailable`'s message where no sandbox can
    be made.
    """

    def __init__(self, root: Path, names: list[str] | None = None,
                 origin: Layout | None = None, timeout: int = 600, config: str = "",
                 db_url: str | None = None, sandbox: bool = True) -> None:
        self.layout = Layout(Path(root).resolve())
        self.root = self.layout.root
        self.root.mkdir(parents=True, exist_ok=True)
        self.origin = origin or Layout.course()
        self.timeout = timeout
        known = self.origin.assignments()
        unknown = sorted(set(names or []) - set(known))
        if unknown:
            raise GradingError(f"no assignment {', '.join(unknown)} in {self.origin.source_dir}")
        # every assignment, so that a submission of another one is recognised as such
        for name in known:
            src, dst = self.origin.source_dir / name, self.layout.source_dir / name
            if not dst.exists():
                shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints",
                                                                        "__pycache__"))
        self.db_url = db_url or f"sqlite:///{self.root / 'gradebook.db'}"
        (self.root / "nbgrader_config.py").write_text(
            "# A temporary course: the course's settings, this folder's gradebook.\n"
            "from gdcourse.grading.settings import configure\n\n"
            "c = get_config()  # noqa: F821\n"
            "configure(c)\n"
            f"c.CourseDirectory.root = {str(self.root)!r}\n"
            f"c.CourseDirectory.db_url = {self.db_url!r}\n"
            + ("" if sandbox else "# a learner's own notebook: no sandbox, the tests in its "
               "kernel\nc.LimitedExecute.sandbox = False\n")
            + config)

    # -- nbgrader commands ------------------------------------------------------------------
    def run(self, *steps: tuple[str, str]) -> str:
        """Run steps, e.g. ``("generate", "ex01_losses")``, in one child process.

        The steps are ``generate`` (generate_assignment), ``autograde`` and ``feedback``
        (generate_feedback), each for every student of the assignment unless the name says
        ``assignment:student,student``; see :mod:`gdcourse.grading.pipeline`. Returns the log;
        raises :class:`GradingError` on failure.
        """
        args = [f"{step}:{name}" for step, name in steps]
        proc = subprocess.run([sys.executable, "-m", "gdcourse.grading", str(self.root), *args],
                              cwd=self.root, env=self._env(), capture_output=True, text=True,
                              timeout=self.timeout)
        log = proc.stdout + proc.stderr
        if proc.returncode != 0:
            raise GradingError(f"nbgrader {' '.join(args)} failed:\n{log}")
        return log

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("NBGRADER_DB_URL", None)
        if Layout.course().root == CHECKOUT:  # kernels import this checkout's gdlib and gdcourse
            env["PYTHONPATH"] = os.pathsep.join([str(CHECKOUT),
                                                 *filter(None, [env.get("PYTHONPATH")])])
        # nbgrader runs `alembic` (and kernels) from the PATH: put this Python's scripts first
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        env.setdefault("MPLBACKEND", "Agg")
        return env

    def export(self, csv: Path) -> Path:
        """``nbgrader export``: the gradebook as CSV, one row per student and assignment."""
        proc = subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(csv)],
                              cwd=self.root, env=self._env(), capture_output=True, text=True,
                              timeout=self.timeout)
        if proc.returncode != 0:
            raise GradingError(f"nbgrader export failed:\n{proc.stdout}{proc.stderr}")
        return Path(csv)

    def generate(self, assignment: str) -> Path:
        """``nbgrader generate_assignment``: return the student version's path."""
        self.run(("generate", assignment))
        return self.release(assignment)

    def release(self, assignment: str) -> Path:
        return self.layout.release_notebook(assignment)

    def submit(self, assignment: str, student: str, notebook) -> Path:
        """Place a notebook (a path or a NotebookNode) as ``student``'s submission."""
        dst = self.layout.submitted_notebook(student, assignment)
        dst.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(notebook, (str, Path)):
            shutil.copyfile(notebook, dst)
        else:
            nbformat.write(notebook, dst)
        return dst

    def grade(self, assignment: str, generate: bool = False,
              students: list[str] | None = None) -> str:
        """Autograde the submissions of ``assignment`` and write their feedback.

        ``students`` limits both steps to those students (default: everyone in submitted/).
        """
        steps = [("generate", assignment)] if generate else []
        which = f"{assignment}:{','.join(students)}" if students else assignment
        return self.run(*steps, ("autograde", which), ("feedback", which))

    def report(self, assignment: str, student: str) -> dict:
        """What the grader noticed about a submission before running it (see triage)."""
        path = self.layout.triage_report(student, assignment)
        return json.loads(path.read_text()) if path.is_file() else {}

    # -- results ----------------------------------------------------------------------------
    def autograded(self, assignment: str, student: str) -> Path:
        return self.layout.autograded_notebook(student, assignment)

    def feedback_html(self, assignment: str, student: str) -> Path:
        return self.layout.feedback_page(student, assignment)

    def results(self, assignment: str, student: str) -> list[TaskResult]:
        """Per-task scores from the gradebook, with the hint of each failed test cell."""
        from nbgrader.api import Gradebook

        cells = Layout.test_cells(Layout.read(self.autograded(assignment, student)))
        with Gradebook(self.db_url) as gb:
            sub = gb.find_submission_notebook(assignment, assignment, student)
            scores = {g.name: (float(g.score or 0), float(g.max_score)) for g in sub.grades}
        out = [TaskResult(gid, Layout.task_title(cell), *scores[gid],
                          "" if scores[gid][0] >= scores[gid][1] else error_text(cell))
               for gid, cell in cells.items() if gid in scores]
        return out + [TaskResult(gid, gid, 0.0, mx, f"the test cell {gid!r} was deleted, so its "
                                 "task scores zero") for gid, (_, mx) in scores.items()
                      if gid not in cells]


def fill_in(release_nb: nbformat.NotebookNode, source_nb: nbformat.NotebookNode,
            replacements: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """A complete submission: the student version with every answer cell answered.

    Each answer cell gets the source notebook's solution (the marker lines removed), except
    the cells named in ``replacements`` (grade id -> code), which get that code instead.
    """
    nb = nbformat.from_dict(release_nb)
    answers = {gid: Layout.strip_solution_markers(Layout.text(c))
               for gid, c in Layout.answer_cells(source_nb).items()}
    answers.update(replacements or {})
    unknown = set(replacements or {}) - set(Layout.answer_cells(nb))
    if unknown:
        raise KeyError(f"no answer cell with grade id {sorted(unknown)}")
    for gid, cell in Layout.answer_cells(nb).items():
        cell.source = answers[gid]
    return nb
