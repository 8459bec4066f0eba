"""The instructors' grading command: nbgrader's steps, with every submission graded.

    python -m gdcourse.grading ROOT STEP:ASSIGNMENT[:STUDENTS] ...
    gdcourse-autograde ROOT STEP:ASSIGNMENT[:STUDENTS] ...        (the same, installed)

ROOT is an nbgrader course folder whose ``nbgrader_config.py`` is used as it is. The steps,
run in order in this one process (importing nbgrader takes seconds):

  generate:ex01_losses        nbgrader generate_assignment (source -> release/)
  autograde:ex01_losses       look at every submission first, then nbgrader autograde a copy:
                              one that cannot be graded still gets a grade (zero) and feedback
                              saying why; reports/<assignment>/<student>.json says what was seen
  feedback:ex01_losses        nbgrader generate_feedback (a plain page if nbconvert fails)

STUDENTS is a comma-separated list (default: every folder in submitted/), so several graders
sharing a PostgreSQL gradebook can split a class. ``submitted/`` is only read.

Each submission runs in an operating-system sandbox of its own, its tests in this process
(:mod:`gdcourse.grading.sandbox`). Where no sandbox can be made the command says why and grades
nothing; ``c.LimitedExecute.sandbox = False`` in nbgrader_config.py is the explicit way to grade
without one (trusted notebooks only).

Exit status: 0 every step ran; 1 nbgrader failed (its log is printed); 2 wrong arguments;
3 no sandbox can be made here (the message says why and what to do).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from .layout import Layout
from .report import plain_feedback_page
from .triage import stage

STEPS = ("generate", "autograde", "feedback")


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


def autograde(api_for, course: Layout, assignment: str, students: list[str]) -> dict[str, dict]:
    """Stage, autograde, and grade again as "could not be graded" whatever nbgrader failed on."""
    staged = course.staging(assignment, str(os.getpid()))

    def run(which: list[str], fail: dict[str, str] | None = None) -> dict[str, dict]:
        shutil.rmtree(staged, ignore_errors=True)
        reports = stage(course, assignment, which, staged, fail=fail)
        print(api_for(staged).autograde(assignment, "*", force=True, create=True).get("log", ""))
        return reports

    def not_graded(among: list[str]) -> list[str]:
        return [s for s in among if not course.autograded_notebook(s, assignment).is_file()]

    reports = run(students)
    failed = not_graded(students)
    if failed:  # once more as they are (a kernel that did not start in time, say) ...
        reports |= run(failed)
        failed = not_graded(failed)
    if failed:  # ... then as "could not be graded": zero, and feedback that says so
        reason = ("the autograder could not run this notebook (the instructor's log says why), "
                  "so every task scores zero.")
        reports |= run(failed, fail=dict.fromkeys(failed, reason))
    shutil.rmtree(staged, ignore_errors=True)
    for student, report in reports.items():
        path = course.triage_report(student, assignment)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=1))
        for problem in report["problems"]:
            print(f"[{'REJECTED' if report['rejected'] else 'NOTE'}] {student}: {problem}")
    return reports


def feedback(api, course: Layout, assignment: str, students: list[str], every: bool) -> str:
    """nbgrader generate_feedback; a plain page for anyone nbconvert failed on, never none."""
    if every or len(students) == 1:
        log = api.generate_feedback(assignment, "*" if every else students[0],
                                    force=True).get("log", "")
    else:
        log = "\n".join(api.generate_feedback(assignment, s, force=True).get("log", "")
                        for s in students)
    for student in students:
        graded = course.autograded_notebook(student, assignment)
        page = course.feedback_page(student, assignment)
        if graded.is_file() and not page.is_file():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(plain_feedback_page(assignment, Layout.read(graded)))
            print(f"[NOTE] {student}: feedback written as a plain page (nbconvert failed)")
    return log


def sandbox_problem(config) -> str | None:
    """Why the submissions cannot be sandboxed with these settings, or None (also when the
    settings turn the sandbox off). Checked before anything is graded: a sandbox that fails
    for every submission would otherwise give every student a zero."""
    settings = config.LimitedExecute
    if not settings.get("sandbox", True):
        return None
    from .sandbox.bwrap import Sandbox, SandboxUnavailable, probe

    try:
        probe()
        Sandbox(packages=settings.get("packages", []), secrets=settings.get("secrets", []),
                cgroup=False).close()
    except (SandboxUnavailable, ValueError, OSError) as err:
        return str(err)
    return None


def _step(text: str) -> tuple[str, str, list[str]]:
    what, _, rest = text.partition(":")
    name, _, who = rest.partition(":")
    if what not in STEPS or not name:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a step: write STEP:ASSIGNMENT[:STUDENTS] with STEP one of "
            f"{', '.join(STEPS)} (e.g. autograde:ex01_losses)")
    return what, name, [s for s in who.split(",") if s]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gdcourse.grading", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="the course folder (holds nbgrader_config.py)")
    parser.add_argument("steps", nargs="+", type=_step, metavar="STEP:ASSIGNMENT[:STUDENTS]")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "nbgrader_config.py").is_file():
        parser.error(f"{root} has no nbgrader_config.py: run the command in a course folder "
                     "(the repository's root, or your own course)")

    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    _fast_alembic_version()
    os.chdir(root)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    course = Layout.from_nbgrader(root, config.CourseDirectory)
    api = NbGraderAPI(config=config)

    def api_for(submitted: Path) -> NbGraderAPI:
        staged_config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
        staged_config.CourseDirectory.submitted_directory = str(submitted.relative_to(root))
        return NbGraderAPI(config=staged_config)

    if any(what == "autograde" for what, _, _ in args.steps):
        problem = sandbox_problem(config)
        if problem:
            print(f"Could not autograde: {problem}", file=sys.stderr)
            return 3
    for what, name, who in args.steps:
        students = who or course.students(name)
        if what == "generate":
            result = api.generate_assignment(name, force=True, create=True)
            log = result.get("log", "")
            print(log)
            if not result["success"] or "[ERROR]" in log:
                print(result.get("error", ""), file=sys.stderr)
                return 1
        elif what == "autograde":
            autograde(api_for, course, name, students)
        else:
            print(feedback(api, course, name, students, every=not who))
    return 0
