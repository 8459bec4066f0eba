"""Run the benchmarks and write bench/RESULTS.md: ``python -m bench [options]``.

Use ``bash bench/run.sh`` (it provides torch); see bench/README.md. Each section's raw numbers
are kept in bench/_runs/results.json, so ``--only book`` refreshes one section of RESULTS.md
and keeps the others from their last run (each section says when it was measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from .env import pin_threads

SECTIONS = ("training", "overhead", "optimizers", "book", "grading", "selfgrade", "class",
            "suite")
HERE = Path(__file__).resolve().parent
STORE = HERE / "_runs" / "results.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--suite", action="store_true", help="also time `make test` (minutes)")
    parser.add_argument("--class", dest="whole_class", action="store_true",
                        help="also grade a class of 200 (minutes; bench/RESULTS_grading.md)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats and epochs (smoke run)")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads for numpy, sklearn and torch"
    )
    parser.add_argument("--repeats", type=int, default=None, help="timed runs per measurement")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)

    pin_threads(args.threads)  # before numpy, sklearn and torch load their thread pools
    from . import report, tooling, training  # noqa: PLC0415 (after pinning threads)

    optional = {"suite": args.suite, "class": args.whole_class}
    wanted = args.only or [s for s in SECTIONS if optional.get(s, True)]
    repeats = args.repeats or (2 if args.quick else 5)
    store = json.loads(STORE.read_text()) if STORE.is_file() else {}
    store["machine"] = dict(lines=report.machine_lines(args.threads), load=os.getloadavg())
    jobs = {
        "training": lambda: training.training_speed(
            epochs=3 if args.quick else 20, repeats=repeats
        ),
        "overhead": lambda: dict(
            rows=training.step_overhead(steps=40 if args.quick else 200, repeats=repeats + 2),
            profile=training.profile_step(steps=40 if args.quick else 200),
        ),
        "optimizers": lambda: training.optimizer_steps(
            steps=5 if args.quick else 20, repeats=repeats + 2
        ),
        "book": lambda: tooling.book_build(cached_repeats=1 if args.quick else 2),
        "grading": lambda: tooling.grading(students=2 if args.quick else 6),
        "selfgrade": lambda: tooling.selfgrade(repeats=2 if args.quick else 5),
        "class": lambda: tooling.whole_class(size=40 if args.quick else 200),
        "suite": tooling.test_suite,
    }
    for name in wanted:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        load0 = os.getloadavg()[0]
        result = jobs[name]()
        store[name] = dict(
            result=result, threads=args.threads, quick=args.quick, load=[load0, os.getloadavg()[0]],
            when=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        )  # fmt: skip
        STORE.parent.mkdir(parents=True, exist_ok=True)
        STORE.write_text(json.dumps(store, indent=1, default=float))
        args.output.write_text(report.render(store), encoding="utf-8")
        if name in ("selfgrade", "class"):
            tooling.write_grading(store)
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
