"""How well the feedback names mistakes: ``python -m bench.feedback`` (``make feedback``).

Grades the library of ``tests/grading/`` in this process (every exercise's solution, student
version, wrong and correct-but-different submissions; a few minutes, no nbgrader) and prints,
per exercise and task: the mistakes modelled (the distinct ``mistake:`` ids of its wrong
submissions), how many wrong and right submissions it has, and the share of its wrong
submissions whose hint names their mistake: the submission loses points on its own task, and
that task's hint holds the phrase of a modelled mistake (``mistake: -`` marks a hint that only
reports what was observed; it never counts as named). The problems the grading tests would
report (``wrong_submissions.problems``) are listed below the table; ``--output FILE`` writes the
same text (Markdown) to a file. Exit status 1 if there are problems.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "grading"))
sys.path.insert(0, str(ROOT))

import wrong_submissions as ws  # noqa: E402

from gdcourse.grading.layout import Layout  # noqa: E402


def task_of_cells(assignment: str) -> dict[str, str]:
    """Answer cell -> the first test cell after it (the task that grades it)."""
    nb = Layout.read(Layout.course().source_notebook(assignment))
    out, waiting = {}, []
    for cell in nb["cells"]:
        kind = Layout.kind(cell)
        if kind == "answer":
            waiting.append(Layout.grade_id(cell))
        elif kind == "test" and cell.get("cell_type") == "code":
            out.update({gid: Layout.grade_id(cell) for gid in waiting})
            waiting = []
    return out


def table(graded: list[ws.Graded]) -> tuple[list[str], int, int]:
    by = {(g.assignment, g.student): g for g in graded}
    lines = ["| exercise | task | mistakes modelled | wrong | right | hint names the mistake |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    total_named = total_wrong = 0
    unnamed = []
    for name in dict.fromkeys(g.assignment for g in graded):
        cells = task_of_cells(name)
        tasks = list(by[(name, "solution")].tasks)
        wrong, right = defaultdict(list), defaultdict(list)
        for w in ws.load(name):
            wrong[w.tasks[0]].append(w)  # counted once, under the first task it breaks
        for r in ws.load_right(name):
            right[cells.get(r.cell, "?")].append(r)
        for task in tasks:
            named = 0
            for w in wrong[task]:
                score, top, hint = by[(name, f"wrong-{w.name}")].tasks[task]
                ok = w.modelled and score < top and w.hint in ws._plain(hint)
                named += ok
                if not ok:
                    unnamed.append(f"- {name}/{w.name} (mistake {w.mistake or 'not given'})")
            modelled = len({w.mistake for w in wrong[task] if w.modelled})
            n = len(wrong[task])
            share = f"{named}/{n} ({100 * named / n:.0f}%)" if n else "-"
            lines.append(f"| {name} | {task} | {modelled} | {n} | {len(right[task])} | {share} |")
            total_named += named
            total_wrong += n
    if unnamed:
        lines += ["", "Wrong submissions whose hint does not name a modelled mistake:", *unnamed]
    return lines, total_named, total_wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.feedback", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignments", nargs="*", help="only these exercises (default: all)")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    graded = ws.grade_library(args.assignments or None)
    lines, named, wrong = table(graded)
    found = ws.problems(graded)
    share = f"{100 * named / wrong:.0f}%" if wrong else "-"
    out = ["# Feedback that names the mistake", "",
           "Printed by `make feedback` (bench/feedback.py). Every wrong and",
           "right submission of `tests/grading/` graded in-process, hidden tests included.", "",
           *lines, "",
           f"In all: {wrong} wrong submissions, {named} with a hint that names their mistake "
           f"({share}).", ""]
    out += ["Problems (the grading tests fail on these):", *[f"- {p}" for p in found]] \
        if found else ["No problems: every hint fires on its own mistake only."]
    text = "\n".join(out) + "\n"
    print(text, end="")
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
