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

import json
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
                 source: Path = SOLUTIONS, timeout: int = 600, config: str = "",
                 db_url: str | None = None) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        names = assignments(source) if names is None else names
        for name in names:
            dst = self.root / "solutions" / name
            if not dst.exists():
                shutil.copytree(source / name, dst,
                                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        self.db_url = db_url or f"sqlite:///{self.root / 'gradebook.db'}"
        (self.root / "nbgrader_config.py").write_text(
            "# A temporary course: the repository's settings, this folder's gradebook.\n"
            "c = get_config()  # noqa: F821\n"
            f"load_subconfig({str(CONFIG)!r})  # noqa: F821\n"
            f"c.CourseDirectory.root = {str(self.root)!r}\n"
            f"c.CourseDirectory.db_url = {self.db_url!r}\n" + config)

    # -- nbgrader commands ------------------------------------------------------------------
    def run(self, *steps: tuple[str, str]) -> str:
        """Run nbgrader steps, e.g. ``("generate", "ex01_losses")``, in one Python process.

        The steps are ``generate`` (generate_assignment), ``autograde`` and ``feedback``
        (generate_feedback), each for every student of the assignment. They run through
        nbgrader's Python API in a child process started once for all of them (importing
        nbgrader takes seconds). Returns the log; raises :class:`GradingError` on failure.
        """
        args = [f"{step}:{name}" for step, name in steps]
        proc = subprocess.run([sys.executable, "-m", "gdcourse.course", str(self.root), *args],
                              cwd=self.root, env=self._env(), capture_output=True, text=True,
                              timeout=self.timeout)
        log = proc.stdout + proc.stderr
        if proc.returncode != 0:
            raise GradingError(f"nbgrader {' '.join(args)} failed:\n{log}")
        return log

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("NBGRADER_DB_URL", None)
        # the kernels import this repository's gdlib and gdcourse, whatever is installed
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
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

    def grade(self, assignment: str, generate: bool = False,
              students: list[str] | None = None) -> str:
        """Autograde the submissions of ``assignment`` and write their feedback.

        ``students`` limits both steps to those students (default: everyone in submitted/).
        """
        steps = [("generate", assignment)] if generate else []
        which = f"{assignment}:{','.join(students)}" if students else assignment
        return self.run(*steps, ("autograde", which), ("feedback", which))

    def report(self, assignment: str, student: str) -> dict:
        """What the grader noticed about a submission before running it (see :func:`triage`)."""
        path = self.root / "reports" / assignment / f"{student}.json"
        return json.loads(path.read_text()) if path.is_file() else {}

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
        with Gradebook(self.db_url) as gb:
            sub = gb.find_submission_notebook(assignment, assignment, student)
            scores = {g.name: (float(g.score or 0), float(g.max_score)) for g in sub.grades}
        out = [TaskResult(gid, task_title(cell), *scores[gid],
                          "" if scores[gid][0] >= scores[gid][1] else hint_of(cell))
               for gid, cell in cells.items() if gid in scores]
        return out + [TaskResult(gid, gid, 0.0, mx, f"the test cell {gid!r} was deleted, so its "
                                 "task scores zero") for gid, (_, mx) in scores.items()
                      if gid not in cells]


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


# --------------------------------------------------------------------------------------------
# Before nbgrader runs a submission: can it be read, is it this exercise, is it whole?
# --------------------------------------------------------------------------------------------

MAX_NOTEBOOK_BYTES = 100 * 2**20  # a larger file is not read at all
MAX_ATTACHMENT_BYTES = 2**20      # larger images pasted into Markdown cells are removed


@dataclass
class Triage:
    """What :func:`triage` found: the notebook to grade (None: it cannot be graded) and why."""

    notebook: nbformat.NotebookNode | None
    problems: list[str]

    @property
    def rejected(self) -> bool:
        return self.notebook is None


def identify(nb: nbformat.NotebookNode, source: Path = SOLUTIONS) -> tuple[str | None, float]:
    """The assignment whose graded cells the notebook shares most, and the share."""
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells} - {None}
    best, best_score = None, 0.0
    for name in assignments(source):
        src = nbformat.read(source_notebook(name, source), as_version=4)
        theirs = set(grade_cells(src)) | set(solution_cells(src))
        score = len(ids & theirs) / len(theirs) if theirs else 0.0
        if score > best_score:
            best, best_score = name, score
    return best, best_score


def read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, list[str]]:
    """Read a learner's notebook as nbformat 4; on failure, say what is wrong and what to do."""
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        return None, [f"{path.name} is {size / 2**20:.0f} MB, more than the "
                      f"{MAX_NOTEBOOK_BYTES // 2**20} MB a notebook may have: clear its outputs "
                      "(Kernel > Restart & Clear Output), remove pasted images, save and hand it "
                      "in again."]
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        return None, [f"{path.name} is not a text file ({err.reason} at byte {err.start}): "
                      "it is not a notebook. Hand in the .ipynb file itself."]
    except json.JSONDecodeError as err:
        return None, [f"{path.name} is not valid JSON ({err.msg} at line {err.lineno}, column "
                      f"{err.colno}): the file was damaged, probably cut short while saving or "
                      "uploading. Your work is not lost if you still have the notebook open: "
                      "save it again. Otherwise use the copy Jupyter keeps in "
                      ".ipynb_checkpoints/ beside it (File > Revert Notebook to Checkpoint)."]
    problems = []
    if not isinstance(data, dict) or "cells" not in data and "worksheets" not in data:
        return None, [f"{path.name} is JSON but not a notebook (it has no cells)."]
    version = data.get("nbformat")
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as err:  # nbformat cannot convert it
        return None, [f"{path.name} is a notebook that cannot be read ({err}); download the "
                      "exercise again and copy your code into it."]
    if version != 4:
        problems.append(f"{path.name} was saved in notebook format {version}; it was converted "
                        "to format 4 to be graded.")
    return nb, problems


def triage(folder: Path, assignment: str, source: Path = SOLUTIONS) -> Triage:
    """Look at a student's submitted folder before grading (no learner code runs here)."""
    expected = folder / f"{assignment}.ipynb"
    notebooks = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    problems = []
    if expected.is_file():
        path = expected
    elif len(notebooks) == 1:
        path = notebooks[0]
        problems.append(f"the notebook is named {path.name!r}, not {expected.name!r}; it was "
                        "graded anyway. Keep the exercise's file name when you hand it in.")
    elif notebooks:
        names = ", ".join(p.name for p in notebooks)
        return Triage(None, [f"no notebook named {expected.name} but several others ({names}); "
                             f"hand in exactly one, named {expected.name}."])
    else:
        return Triage(None, [f"no notebook was handed in (expected {expected.name})."])
    nb, read_problems = read_notebook(path)
    problems += read_problems
    if nb is None:
        return Triage(None, problems)
    best, share = identify(nb, source)
    if best is not None and best != assignment and share >= 0.5:
        return Triage(None, problems + [
            f"this is exercise {best}'s notebook, not {assignment}'s: hand in "
            f"{assignment}.ipynb (you may have uploaded the wrong file)."])
    if share == 0:
        return Triage(None, problems + [
            f"this notebook has none of {assignment}'s cells (its cells lost their nbgrader "
            "metadata, or it is another file): download the exercise again and copy your code "
            "into its answer cells."])
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells}
    tests = grade_cells(nbformat.read(source_notebook(assignment, source), as_version=4))
    for gid in tests:
        if gid not in ids:
            problems.append(f"the test cell {gid!r} was deleted, so its task scores zero. "
                            "Restore it from the original notebook (download the exercise "
                            "again) before you hand in.")
    for cell in nb.cells:
        attachments = cell.get("attachments") or {}
        big = [k for k, v in attachments.items() if len(json.dumps(v)) > MAX_ATTACHMENT_BYTES]
        for k in big:
            del attachments[k]
        if big:
            problems.append(f"images larger than {MAX_ATTACHMENT_BYTES // 2**20} MB pasted into a "
                            f"Markdown cell were left out ({', '.join(big)}).")
        if cell.cell_type == "markdown":  # a link to a missing attachment breaks the feedback
            cell.source = re.sub(
                r"!?\[([^\]]*)\]\(attachment:([^)\s]+)\)",
                lambda m, kept=attachments: m.group(0) if m.group(2) in kept else
                f"[{m.group(1)}: image left out]", cell.source)
    return Triage(nb, problems)


def _notice(problems: list[str], rejected: bool) -> nbformat.NotebookNode:
    head = ("**This submission could not be graded**, so every task scores zero:"
            if rejected else "**Notes from the grader** (the notebook was graded):")
    return nbformat.v4.new_markdown_cell("\n".join([head, ""] + [f"- {p}" for p in problems]))


def stage(root: Path, assignment: str, students: list[str], staged: Path,
          source: Path = SOLUTIONS, fail: dict[str, str] | None = None) -> dict[str, dict]:
    """Copy each student's submission into ``staged`` in a form nbgrader can grade.

    A readable notebook of this exercise is staged as ``<assignment>.ipynb`` (format 4,
    renamed if needed, huge attachments removed). One that cannot be graded is replaced by
    the student version with a notice on top, so it is graded (zero) and gets feedback saying
    why. ``fail`` forces the latter with the given reason. ``submitted/`` is only read.
    """
    release = nbformat.read(root / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    reports = {}
    for student in students:
        folder = root / "submitted" / student / assignment
        result = Triage(None, [fail[student]]) if fail and student in fail else \
            triage(folder, assignment, source)
        nb = result.notebook if not result.rejected else nbformat.from_dict(release)
        if result.problems:
            nb.cells.insert(0, _notice(result.problems, result.rejected))
        dst = staged / student / assignment
        dst.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, dst / f"{assignment}.ipynb")
        if (folder / "timestamp.txt").is_file():
            shutil.copyfile(folder / "timestamp.txt", dst / "timestamp.txt")
        reports[student] = {"student": student, "rejected": result.rejected,
                            "problems": result.problems}
    return reports


def _autograde(api_for, root: Path, assignment: str, students: list[str]) -> dict[str, dict]:
    """Stage, autograde, and grade again as "could not be graded" whatever nbgrader failed on."""
    staged = root / ".staged" / f"{assignment}-{os.getpid()}"
    shutil.rmtree(staged, ignore_errors=True)
    reports = stage(root, assignment, students, staged)
    print(api_for(staged).autograde(assignment, "*", force=True, create=True).get("log", ""))
    graded = root / "autograded" / "{}" / assignment / f"{assignment}.ipynb"

    def not_graded(among):
        return [s for s in among if not Path(str(graded).format(s)).is_file()]

    failed = not_graded(students)
    if failed:  # once more as they are (a kernel that did not start in time, say) ...
        shutil.rmtree(staged, ignore_errors=True)
        reports |= stage(root, assignment, failed, staged)
        print(api_for(staged).autograde(assignment, "*", force=True, create=True).get("log", ""))
        failed = not_graded(failed)
    if failed:  # ... then as "could not be graded": zero, and feedback that says so
        shutil.rmtree(staged, ignore_errors=True)
        reason = ("the autograder could not run this notebook (the instructor's log says why), "
                  "so every task scores zero.")
        reports |= stage(root, assignment, failed, staged, fail=dict.fromkeys(failed, reason))
        print(api_for(staged).autograde(assignment, "*", force=True, create=True).get("log", ""))
    shutil.rmtree(staged, ignore_errors=True)
    out = root / "reports" / assignment
    out.mkdir(parents=True, exist_ok=True)
    for student, report in reports.items():
        (out / f"{student}.json").write_text(json.dumps(report, indent=1))
        for problem in report["problems"]:
            print(f"[{'REJECTED' if report['rejected'] else 'NOTE'}] {student}: {problem}")
    return reports


def _feedback_each(api, name: str, students: list[str]) -> dict:
    logs = [api.generate_feedback(name, s, force=True).get("log", "") for s in students]
    return {"success": True, "log": "\n".join(logs)}


def _plain_feedback(root: Path, assignment: str, student: str) -> None:
    """A feedback page without nbconvert: each task's score and message."""
    import html

    nb = nbformat.read(root / "autograded" / student / assignment / f"{assignment}.ipynb",
                       as_version=4)
    rows = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("**"):  # the grader's notes
            rows.append(f"<pre>{html.escape(cell.source)}</pre>")
    for cell in grade_cells(nb).values():
        hint = hint_of(cell)
        rows.append(f"<h3>{html.escape(task_title(cell))}</h3><p>"
                    + (html.escape(hint.splitlines()[-1]) if hint else "passed") + "</p>")
    dst = root / "feedback" / student / assignment / f"{assignment}.html"
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(f"<html><body><h1>{assignment}</h1>{''.join(rows)}</body></html>")


def _main(argv: list[str]) -> int:
    """``python -m gdcourse.course ROOT STEP:ASSIGNMENT[:STUDENTS]...`` (what :meth:`Course.run`
    starts; instructors may run it too, from the course root, in place of ``nbgrader
    autograde``: ``python -m gdcourse.course . autograde:ex01_losses feedback:ex01_losses``).

    ``autograde`` looks at every submission first (:func:`triage`) and grades a copy: one that
    cannot be graded still gets a grade (zero) and feedback that says why. STUDENTS is a
    comma-separated list (default: every folder in submitted/), so that several graders can
    split a class.
    """
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    _fast_alembic_version()
    root, steps = Path(argv[0]).resolve(), argv[1:]
    os.chdir(root)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    api = NbGraderAPI(config=config)

    def api_for(submitted: Path) -> NbGraderAPI:
        staged_config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
        staged_config.CourseDirectory.submitted_directory = str(submitted.relative_to(root))
        return NbGraderAPI(config=staged_config)

    for step in steps:
        what, _, rest = step.partition(":")
        name, _, who = rest.partition(":")
        students = who.split(",") if who else sorted(
            p.parent.name for p in (root / "submitted").glob(f"*/{name}") if p.is_dir())
        if what == "generate":
            result = api.generate_assignment(name, force=True, create=True)
        elif what == "autograde":
            _autograde(api_for, root, name, students)
            continue
        elif what == "feedback":
            result = api.generate_feedback(name, "*" if not who else students[0], force=True) \
                if len(students) == 1 or not who else _feedback_each(api, name, students)
            missing = [s for s in students
                       if (root / "autograded" / s / name).is_dir()
                       and not (root / "feedback" / s / name / f"{name}.html").is_file()]
            for student in missing:  # nbconvert failed on it: a plain page, never none
                _plain_feedback(root, name, student)
                print(f"[NOTE] {student}: feedback written as a plain page (nbconvert failed)")
            print(result.get("log", ""))
            continue
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
