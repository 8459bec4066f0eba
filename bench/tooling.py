"""Course tooling: the book build, the README's test command, and grading.

``selfgrade`` and ``whole_class`` also write bench/RESULTS_grading.md (:func:`write_grading`);
``grading`` writes its section comparing grading with and without the sandbox.

Each function runs the real command in a subprocess (or the real Python API) and returns a
dict for RESULTS.md; nothing here changes the repository (outputs go under bench/_runs/).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = ROOT / "bench" / "_runs"
BOOK_FLAGS = ("--warningiserror", "--nitpick", "--keep-going")  # as `make book`


def _run(cmd: list[str], env: dict | None = None, timeout: float = 3600) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    return time.perf_counter() - t0, proc.returncode, (proc.stdout + proc.stderr)


def _tail(text: str, n: int = 3) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return " / ".join(lines[-n:])


def book_build(cached_repeats: int = 2) -> dict:
    """Cold build into a fresh ``--path-output`` folder, then cached rebuilds of the same one.

    The execution cache (``execute_notebooks: cache``) lives inside the output folder, so a
    fresh folder is a cold build: every chapter notebook is executed again.
    """
    out, src = RUNS / "book", RUNS / "book-src"
    for folder in (out, src):
        shutil.rmtree(folder, ignore_errors=True)
    # a snapshot of the book's sources: chapters edited during the run would make the
    # "cached" rebuild execute them again
    shutil.copytree(ROOT, src, ignore=_not_book, symlinks=True)
    out.mkdir(parents=True)
    env = {**os.environ, "GDLIB_STATIC": "1"}
    cmd = [
        sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
        "build", str(src), "--path-output", str(out), *BOOK_FLAGS,
    ]  # fmt: skip
    cold, code, log = _run(cmd, env)
    (RUNS / "book-cold.log").write_text(log, encoding="utf-8")
    cached, codes = [], [code]
    for k in range(cached_repeats):
        seconds, c, log2 = _run(cmd, env)
        (RUNS / f"book-cached-{k + 1}.log").write_text(log2, encoding="utf-8")
        cached.append(seconds)
        codes.append(c)
    chapters = sorted(p.name for p in (src / "chapters").glob("*.ipynb"))
    executed = _execution_times(out / "_build" / ".jupyter_cache")
    return dict(
        cold_s=cold, cached_s=statistics.median(cached), cached_runs=cached, exit_codes=codes,
        chapters=len(chapters), command="GDLIB_STATIC=1 jupyter-book build . --path-output "
        f"<fresh dir> {' '.join(BOOK_FLAGS)}", log_tail=_tail(log), executed=executed,
    )  # fmt: skip


def _not_book(folder: str, names: list[str]) -> set[str]:
    """What the snapshot leaves out: generated output, venvs, caches, tests, the benchmarks."""
    skip = {".git", ".venv", "_build", "bench", "tests", "test-artifacts", "release"}
    return {n for n in names if n in skip or n.startswith((".pytest", ".ruff", ".hypothesis"))}


def _execution_times(cache_dir: Path) -> list[tuple[str, float]]:
    """Seconds each notebook took to execute in the cold build, slowest first."""
    try:
        from jupyter_cache import get_cache

        records = get_cache(str(cache_dir)).list_cache_records()
    except Exception:  # no cache (nothing executed) or another jupyter-cache
        return []
    times = [
        (Path(r.uri).name, float((r.data or {}).get("execution_seconds", float("nan"))))
        for r in records
    ]
    return sorted(times, key=lambda t: -t[1])


def test_suite() -> dict:
    """Wall time of the README's test command, ``make test``, run once."""
    seconds, code, log = _run(["make", "test"], timeout=7200)
    (RUNS / "make-test.log").write_text(log, encoding="utf-8")
    return dict(command="make test", seconds=seconds, exit_code=code, log_tail=_tail(log, 4))


def grading(students: int = 6, rounds: int = 3) -> dict:
    """Seconds per submission for every assignment in solutions/, with and without the sandbox.

    For each assignment and each of ``rounds`` rounds, two nbgrader course folders graded in
    turn (so that a busy spell of the machine hits both alike): the course's settings as they
    are (each submission in its own sandbox, the tests in the grader) and the same with
    ``c.LimitedExecute.sandbox = False`` (one kernel under rlimits runs cells and tests, the
    self-grade's way). In each, ``generate_assignment`` once, then ``students`` complete
    submissions (the released notebook filled in with the solutions) autograded and given
    feedback in one batch (``Course.grade``, one grading process, as an instructor runs it).
    Medians of the rounds; the sandboxed time is the course's (``per_submission_s``). When
    ``gdcourse.grade`` exists, the learner's own command (``python -m gdcourse.grade``:
    generate, autograde and feedback for one notebook, in a process of its own) is timed on the
    same notebook too. Also writes the comparison into bench/RESULTS_grading.md.
    """
    try:
        import nbformat

        from gdcourse.grading.course import Course, fill_in
        from gdcourse.grading.layout import Layout
    except ImportError as err:
        return dict(skipped=f"grading infrastructure not importable ({err})")
    layout = Layout.course()
    names = layout.assignments()
    if not names:
        return dict(skipped="no assignments in solutions/ yet")
    has_self_grade = (ROOT / "gdcourse" / "grade.py").is_file()
    rows = []
    for name in names:
        row = dict(assignment=name, students=students, rounds=rounds)
        try:
            source = nbformat.read(layout.source_notebook(name), as_version=4)
            times: dict[bool, list[float]] = {True: [], False: []}
            generate, full = [], True
            for _ in range(rounds):
                for sandbox in (False, True):
                    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-", dir=_tmp()) as tmp:
                        course = Course(Path(tmp) / "course", [name], sandbox=sandbox)
                        t0 = time.perf_counter()
                        release = course.generate(name)
                        generate.append(time.perf_counter() - t0)
                        filled = fill_in(nbformat.read(release, as_version=4), source)
                        for k in range(students):
                            course.submit(name, f"student{k:02d}", filled)
                        t0 = time.perf_counter()
                        course.grade(name)
                        times[sandbox].append((time.perf_counter() - t0) / students)
                        results = [course.results(name, f"student{k:02d}")
                                   for k in range(students)]
                        full &= all(r.score == r.max_score for rs in results for r in rs)
            per = statistics.median(times[True])
            row.update(generate_s=statistics.median(generate), per_submission_s=per,
                       batch_s=per * students, per_minute=60.0 / per, max_score_reached=full,
                       unsandboxed_per_submission_s=statistics.median(times[False]),
                       sandboxed_runs=times[True], unsandboxed_runs=times[False])
            row["sandbox_ratio"] = per / row["unsandboxed_per_submission_s"]
            if has_self_grade:
                with tempfile.TemporaryDirectory(prefix=f"bench-{name}-", dir=_tmp()) as tmp:
                    path = Path(tmp) / f"{name}.ipynb"
                    nbformat.write(filled, path)
                    seconds, code, log = _run(
                        [sys.executable, "-m", "gdcourse.grade", str(path)],
                        env={**os.environ, "PYTHONPATH": str(ROOT)},
                    )
                row.update(self_grade_s=seconds, self_grade_exit=code)
        except Exception as err:  # a half-written assignment must not stop the others
            row["error"] = f"{type(err).__name__}: {_tail(str(err), 2)[:300]}"
        rows.append(row)
    result = dict(rows=rows, self_grade=has_self_grade)
    _write_section(SANDBOX_HEADING, _sandbox_lines(result, os.getloadavg()))
    return result


SANDBOX_HEADING = "## With and without the sandbox"


def _sandbox_lines(result: dict, load) -> list[str]:
    """The section of RESULTS_grading.md that compares grading with and without the sandbox."""
    rows = [r for r in result["rows"] if "sandbox_ratio" in r]
    if not rows:
        return ["_Not run yet._"]
    when = time.strftime("%Y-%m-%d %H:%M %Z")
    out = [f"_Measured {when}, load average {load[0]:.1f} at the end._", "",
           "Written by `bash bench/run.sh --only grading`. Seconds per submission, each a batch",
           f"of {rows[0]['students']} complete submissions autograded and given feedback by",
           "`python -m gdcourse.grading` (one process, as an instructor runs it), median of",
           f"{rows[0]['rounds']} rounds in which the two settings take turns: the course's own",
           "(each submission in a bubblewrap sandbox of its own, the tests run by the judge in",
           "the grader) and `c.LimitedExecute.sandbox = False` (one kernel under rlimits for",
           "the cells and the tests). Target: the sandbox within 20% of the time without it.", "",
           "| exercise | without (s) | with the sandbox (s) | ratio | full marks |",
           "| --- | ---: | ---: | ---: | --- |"]
    out += [f"| {r['assignment']} | {r['unsandboxed_per_submission_s']:.2f} | "
            f"{r['per_submission_s']:.2f} | {r['sandbox_ratio']:.2f} | "
            f"{'yes' if r['max_score_reached'] else 'NO'} |" for r in rows]
    without = sum(r["unsandboxed_per_submission_s"] for r in rows)
    within = sum(r["per_submission_s"] for r in rows)
    out += ["", f"All exercises together: {without:.2f} s without, {within:.2f} s with the "
            f"sandbox per submission of each, a ratio of {within / without:.2f} "
            f"({'met' if within / without <= 1.2 else 'missed'}: ≤ 1.20)."]
    return out


def _write_section(heading: str, lines: list[str]) -> None:
    """Put ``lines`` under ``heading`` in bench/RESULTS_grading.md, keeping the other sections."""
    old = GRADING_RESULTS.read_text(encoding="utf-8") if GRADING_RESULTS.is_file() else ""
    parts = re.split(r"(?m)^(?=## )", old)
    body = f"{heading}\n\n" + "\n".join(lines) + "\n\n"
    kept = [p if not p.startswith(heading + "\n") else body for p in parts]
    if body not in kept:
        kept.append(body)
    GRADING_RESULTS.write_text("".join(kept).rstrip() + "\n", encoding="utf-8")


def _tmp() -> str:
    RUNS.mkdir(parents=True, exist_ok=True)
    return str(RUNS)


GRADING_RESULTS = ROOT / "bench" / "RESULTS_grading.md"


def selfgrade(repeats: int = 5) -> dict:
    """Seconds to grade one complete notebook, per assignment, the two ways a learner can.

    In the notebook: a kernel runs the student version filled in with the solution, cell by
    cell, and the last cell's ``grade_this_notebook`` is timed inside the kernel. The command:
    ``python -m gdcourse.grade`` on the same notebook saved to disk, in a process of its own
    (nbgrader's generate, autograde and feedback in a temporary course). Medians of ``repeats``;
    the two take turns inside each repeat.
    """
    import nbformat

    sys.path.insert(0, str(ROOT / "tests" / "grading"))
    import in_kernel

    from gdcourse.grading.course import Course, fill_in
    from gdcourse.grading.layout import Layout

    layout = Layout.course()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-selfgrade-", dir=_tmp()) as tmp:
        course = Course(Path(tmp) / "course")
        names = layout.assignments()
        course.run(*[("generate", name) for name in names])
        session = in_kernel.Session()
        try:
            for name in names:
                source = nbformat.read(layout.source_notebook(name), as_version=4)
                filled = fill_in(nbformat.read(course.release(name), as_version=4), source)
                path = Path(tmp) / name / f"{name}.ipynb"
                path.parent.mkdir()
                nbformat.write(filled, path)
                timed = nbformat.from_dict(filled)
                timed.cells[-1].source = (
                    "import time as _time\n_t0 = _time.perf_counter()\n"
                    + timed.cells[-1].source + "\nprint(f'SECONDS {_time.perf_counter() - _t0}')")
                here, command, total = [], [], None
                for _ in range(repeats):
                    printed = session.run_all(timed)
                    here.append(float(printed.rsplit("SECONDS ", 1)[1]))
                    total = in_kernel.scores(printed)
                    seconds, code, log = _run([sys.executable, "-m", "gdcourse.grade", str(path)],
                                              env={**os.environ, "PYTHONPATH": str(ROOT)})
                    if code != 0:
                        raise RuntimeError(f"gdcourse.grade {name}: exit {code}: {_tail(log)}")
                    command.append(seconds)
                full = all(s == m for _, s, m in total or [])
                rows.append(dict(assignment=name, in_notebook_s=statistics.median(here),
                                 command_s=statistics.median(command), full_marks=full,
                                 runs=repeats))
        finally:
            session.close()
    return dict(rows=rows)


def whole_class(size: int = 200) -> dict:
    """Throughput of a class of ``size`` submissions of ex01 (tests/grading/test_class.py)."""
    sys.path.insert(0, str(ROOT / "tests" / "grading"))
    import test_class

    with tempfile.TemporaryDirectory(prefix="bench-class-", dir=_tmp()) as tmp:
        return test_class.grade_class(Path(tmp), size)


def write_grading(store: dict) -> None:
    """bench/RESULTS_grading.md from the last ``selfgrade`` and ``class`` runs in ``store``."""
    out = ["# Grading times", "",
           "Written by `bash bench/run.sh --only selfgrade class` (bench/tooling.py); do not edit",
           "by hand. Machine: see RESULTS.md. Medians of several runs.", ""]
    sec = store.get("selfgrade")
    out += ["## One learner's notebook, both ways", ""]
    if sec:
        rows = sec["result"]["rows"]
        out += [_when_load(sec), "",
                "In the notebook: the last cell, `grade_this_notebook(...)`, in the kernel where",
                "the learner ran the cells (target under 1 s). The command: `python -m",
                "gdcourse.grade` on the saved notebook, nbgrader's generate, autograde and",
                "feedback in a temporary course (target under 5 s). Both on the student version",
                "filled in with the solution, taking turns in each of the runs.", "",
                "| exercise | in the notebook (s) | the command (s) | full marks both ways |",
                "| --- | --- | --- | --- |"]
        out += [f"| {r['assignment']} | {r['in_notebook_s']:.3f} | {r['command_s']:.2f} | "
                f"{'yes' if r['full_marks'] else 'NO'} |" for r in rows]
        worst_here = max(r["in_notebook_s"] for r in rows)
        worst_cmd = max(r["command_s"] for r in rows)
        out += ["", f"Slowest: {worst_here:.3f} s in the notebook "
                f"({'met' if worst_here < 1 else 'missed'}: < 1 s), {worst_cmd:.2f} s for the "
                f"command ({'met' if worst_cmd < 5 else 'missed'}: < 5 s).",
                "Both targets are for an idle machine: the command's time grows with the load",
                "average (a new kernel, nbgrader's imports), the in-notebook grade's hardly (no",
                "new process).", ""]
    else:
        out += ["_Not run yet._", ""]
    sec = store.get("class")
    out += ["## A whole class", ""]
    if sec:
        r = sec["result"]
        n = r["students"]
        out += [_when_load(sec), "",
                f"A class of {n} submissions of `ex01_losses` (about 40% correct, 40% with one or",
                "two common mistakes, the broken and hostile kinds of `tests/grading/` without the",
                "endless loops), graded with the course's settings through",
                "`python -m gdcourse.grading` (the test grades the same kinds). The SQLite run",
                "grades the class without its attackers (the hostile test grades those on SQLite).",
                "", "| what | submissions | seconds | submissions per minute |",
                "| --- | --- | --- | --- |"]
        pg = r.get("students_postgres", n)
        for key, what, count in (
                ("autograde_sqlite", "autograde, one grader, SQLite gradebook", n),
                ("feedback_sqlite", "feedback pages, one grader, SQLite gradebook", n),
                ("autograde_postgres_2", "autograde, two graders at once splitting the class, "
                                         "one PostgreSQL gradebook", pg)):
            out.append(f"| {what} | {count} | {r[key]:.0f} | {60 * count / r[key]:.0f} |")
        out += ["", "Every grade was recorded once and equals the expected score, and the two "
                "runs gave every student the same grades.", ""]
    else:  # keep the last measured class from the file, if any
        old = GRADING_RESULTS.read_text(encoding="utf-8") if GRADING_RESULTS.is_file() else ""
        kept = re.split(r"(?m)^## ", old.split("## A whole class\n", 1)[1])[0].strip() \
            if "## A whole class\n" in old else "_Not run yet._"
        out += [kept, ""]
    old = GRADING_RESULTS.read_text(encoding="utf-8") if GRADING_RESULTS.is_file() else ""
    sandbox = [p for p in re.split(r"(?m)^(?=## )", old) if p.startswith(SANDBOX_HEADING)]
    GRADING_RESULTS.write_text("\n".join(out) + "".join(sandbox), encoding="utf-8")


def _when_load(sec: dict) -> str:
    load = sec.get("load", [float("nan")] * 2)
    return (f"_Measured {sec['when']}, load average {load[0]:.1f} → {load[1]:.1f}"
            f"{', --quick smoke run' if sec.get('quick') else ''}._")
