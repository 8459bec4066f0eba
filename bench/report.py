"""Render bench/_runs/results.json as bench/RESULTS.md: tables, ratios, targets met or missed."""

from __future__ import annotations

import statistics

from .env import machine_lines  # noqa: F401 (re-exported for __main__)

TARGETS = {
    "float32": "gdlib float32 no slower than torch float32 on the capstone MLP (batch 64, 256, "
    "1024; bare loop and `fit`; default threads and 1 thread)",
    "overhead": "overhead outside the matmuls under 30% at batch 256",
    "cached": "cached book rebuild under 30 s",
    "cold": "cold book build under 5 minutes",
    "suite": "`make test` under 10 minutes",
    "grading": "under 5 s per submission notebook (median over assignments)",
}


def _mark(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**missed**")


def _ms(seconds: float) -> str:
    return f"{1e3 * seconds:.2f}"


def _when(sec: dict, threads: str | None = None) -> str:
    load = sec.get("load", [float("nan")] * 2)
    quick = ", --quick smoke run" if sec.get("quick") else ""
    threads = threads or f"{sec['threads']} thread(s)"
    return (
        f"_Measured {sec['when']}, {threads}, load average "
        f"{load[0]:.1f} → {load[1]:.1f}{quick}._"
    )


def render(store: dict) -> str:
    out = [
        "# Benchmark results",
        "",
        "Written by `bash bench/run.sh` (see bench/README.md); do not edit by hand. Ratios are",
        "measured side by side in one process (same numpy, same thread setting); absolute times",
        "are for this machine only. Medians of several runs.",
        "",
        "## Machine",
        "",
        *store["machine"]["lines"],
        "",
    ]
    verdicts: dict[str, bool | None] = dict.fromkeys(TARGETS)
    for name, fn in (
        ("training", _training),
        ("overhead", _overhead),
        ("optimizers", _optimizers),
        ("book", _book),
        ("grading", _grading),
        ("suite", _suite),
    ):
        sec = store.get(name)
        body = fn(sec["result"], verdicts) if sec else ["_Not run yet._"]
        threads = "threads as each row says" if name == "training" else None
        out += [f"## {TITLES[name]}", "", *([_when(sec, threads), ""] if sec else []), *body, ""]
    summary = ["## Targets", "", "| target | result |", "| --- | --- |"]
    summary += [f"| {TARGETS[k]} | {_mark(v)} |" for k, v in verdicts.items()]
    i = out.index("## Machine")
    return "\n".join(out[:i] + summary + [""] + out[i:]).rstrip() + "\n"


TITLES = {
    "training": "1. Training speed on the capstone MLP",
    "overhead": "2. Closeness to the limit: overhead outside the matmuls",
    "optimizers": "3. Optimizer step on 1M parameters",
    "book": "4. Book build",
    "grading": "6. Grading",
    "suite": "5. Test suite (`make test`)",
}


def _training(rows, verdicts) -> list[str]:
    torch32 = {
        (r["threads"], r["batch"]): r["epoch_s"]
        for r in rows
        if r["trainer"] == "torch" and r["dtype"] == "float32"
    }
    lines = [
        "Digits 8×8 (1437 train / 360 test), MLP 64→128→ReLU→64→ReLU→10, softmax cross-entropy,",
        f"Adam lr 1e-3, {rows[0]['epochs']} epochs per timed run, the median of several runs.",
        "Ratio = time / the time of torch float32 at the same batch size and threads (below 1:",
        "faster than torch). `gdlib fit` is `gdlib.train.fit` as the chapters call it (records",
        "loss, lr and per-layer gradient norms, checks for divergence every step); `gdlib loop`",
        "is the bare forward/backward/`Adam.step` loop that the torch loop mirrors. \"default\"",
        "threads are what numpy's BLAS and torch pick when nothing is set (a user's setting).",
    ]
    if torch32:
        lines += ["", "gdlib float32 / torch float32:", ""]
        lines += ["| threads | batch | bare loop | `fit` |", "| --- | ---: | ---: | ---: |"]
        ratios = []
        for (threads, batch), t in torch32.items():
            got = {
                r["trainer"]: r["epoch_s"] / t
                for r in rows
                if (r["threads"], r["batch"], r["dtype"]) == (threads, batch, "float32")
            }
            ratios += [got["gdlib loop"], got["gdlib fit"]]
            lines.append(
                f"| {threads} | {batch} | {got['gdlib loop']:.2f} | {got['gdlib fit']:.2f} |"
            )
        verdicts["float32"] = max(ratios) <= 1.0
    lines += [
        "",
        "| threads | batch | dtype | trainer | ms/epoch | ratio to torch float32 | test accuracy |",
        "| --- | ---: | --- | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        t = torch32.get((r["threads"], r["batch"]))
        ratio = f"{r['epoch_s'] / t:.2f}" if t else "–"
        lines.append(
            f"| {r['threads']} | {r['batch']} | {r['dtype']} | {r['trainer']} | "
            f"{_ms(r['epoch_s'])} | {ratio} | {r['accuracy']:.3f} |"
        )
    lines += [
        "",
        "Accuracies differ a little between frameworks: torch starts from gdlib's initial",
        "weights but draws its own shuffles. Batch 1024 takes only 2 steps per epoch, so its",
        "accuracy after the same epochs is lower.",
        "",
        "With default threads each library keeps a second thread busy on a machine whose",
        "cores other jobs share: when the load average (above) is near or over the number of",
        "cores, a step waits for its second thread to get a core, so those rows swing by",
        "several times from run to run and between neighbouring rows (torch, whose threads",
        "spin longer, suffers most). The 1-thread rows are the stable comparison.",
    ]
    return lines


def _overhead(res, verdicts) -> list[str]:
    rows = res["rows"]
    lines = [
        "One training step of the capstone MLP at batch 256 (forward, cross-entropy gradient,",
        "backward, Adam step) against the 8 matrix products the step needs, timed alone in",
        "numpy on arrays of the same shapes: the floor for a numpy design. Overhead = 1 −",
        "matmul time / step time.",
        "",
        "| dtype | step (bare loop), µs | step in `fit`, µs | matmuls alone, µs | overhead (bare) "
        "| overhead (`fit`) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['dtype']} | {1e6 * r['step_s']:.0f} | {1e6 * r['fit_step_s']:.0f} | "
            f"{1e6 * r['matmul_s']:.0f} | {100 * r['overhead']:.0f}% | "
            f"{100 * r['fit_overhead']:.0f}% |"
        )
    verdicts["overhead"] = all(r["overhead"] < 0.30 for r in rows)
    lines += [
        "",
        "Where a bare float32 step spends its time (cProfile, own time per function):",
        "",
        "| function | share | µs per step |",
        "| --- | ---: | ---: |",
    ]
    lines += [
        f"| `{p['where']}` | {100 * p['share']:.0f}% | {p['per_step_us']:.0f} |"
        for p in res["profile"]
    ]
    lines += ["", *OVERHEAD_NOTES]
    return lines


OVERHEAD_NOTES = [
    "What the rest of the step is:",
    "",
    "- `Linear.forward`/`backward` hold the matmuls themselves, plus the bias add and the",
    "  `db` sum. The first layer's dJ/dx, which nobody uses, is skipped: the bare loop sets",
    "  `model.needs_input_grad = False` and `fit` does so while it trains.",
    "- Elementwise work the matmuls do not cover: ReLU forward and its mask in backward,",
    "  softmax (max, exp, sum, divide) in `cross_entropy_grad`, and Adam's update of 17k",
    "  parameters in 6 arrays, written as its equations (a few temporary arrays per line);",
    "  each is a few numpy calls on small arrays, so Python call overhead (argument checks)",
    "  is a visible part at these sizes.",
    "- A float32 model (`nn.Linear(..., dtype=np.float32)`) keeps every array in float32:",
    "  matmuls and elementwise work move half the bytes of float64.",
    "- `fit` adds per-step bookkeeping (per-layer gradient norms, a finiteness check of every",
    "  gradient, the loss value): that is the gap between the two overhead columns.",
    "- What is left is the price of this design at this size: the products of a layer at",
    "  batch 256 take tens of microseconds each, about what a dozen small numpy calls cost,",
    "  and a step makes about a hundred. Going further would take fusing work across arrays",
    "  (one flat buffer for all parameters), which changes the arrays a learner sees; it was",
    "  not done. cProfile's own cost inflates the many small Python calls, so its shares",
    "  overstate them somewhat.",
]


def _optimizers(rows, verdicts) -> list[str]:
    lines = [
        "One parameter array of 1,000,000 entries, one `step` with a fixed gradient; torch.optim",
        "with its defaults (foreach implementation). Ratio = gdlib / torch (below 1: gdlib",
        "faster).",
        "",
        "| dtype | optimizer | gdlib ms | torch ms | ratio |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        torch_ms = _ms(r["torch_s"]) if "torch_s" in r else "–"
        ratio = f"{r['ratio']:.2f}" if "ratio" in r else "–"
        lines.append(
            f"| {r['dtype']} | {r['optimizer']} | {_ms(r['gdlib_s'])} | {torch_ms} | {ratio} |"
        )
    lines += [
        "",
        "On a machine shared with other jobs single rows can swing (see the load average",
        "above); gdlib and torch take turns within each repeat, so a row's ratio is fairer",
        "than its absolute times.",
        "",
        "No target is set. At this size a step is bound by memory traffic: numpy makes one",
        "pass over the arrays per operation (the update rules are written as their equations,",
        "one numpy expression per line, with temporary arrays), torch fuses several",
        "operations per pass. In training the parameter arrays are small and this cost is a",
        "small part of a step (section 2).",
    ]
    return lines


def _book(res, verdicts) -> list[str]:
    verdicts["cached"] = res["cached_s"] < 30
    verdicts["cold"] = res["cold_s"] < 300
    codes = res["exit_codes"]
    status = (
        "every build exited 0"
        if not any(codes)
        else f"exit codes {codes}: warnings or errors, see bench/_runs/book-*.log (the times "
        "still count)"
    )
    return [
        f"`{res['command']}` over {res['chapters']} chapter notebooks; {status}. The build",
        "reads a snapshot of the working tree copied at the start (bench/_runs/book-src), so",
        "chapters edited meanwhile do not turn the cached rebuild into a partial cold one.",
        "",
        "| build | seconds |",
        "| --- | ---: |",
        f"| cold (fresh output folder: every notebook executes) | {res['cold_s']:.1f} |",
        f"| cached rebuild (median of {len(res['cached_runs'])}) | {res['cached_s']:.1f} |",
        "",
        f"Last lines of the build log: {res['log_tail'][:300]}",
    ] + _executed(res.get("executed") or [], res["cold_s"])


def _executed(times: list, cold: float) -> list[str]:
    if not times:
        return []
    total = sum(t for _, t in times)
    lines = [
        "",
        f"Where the cold build's time goes: executing the notebooks takes {total:.0f} s of",
        f"{cold:.0f} s (jupyter-cache's record of each; the rest is Sphinx reading and",
        "writing the pages). A cached rebuild executes none of them.",
        "",
        "| notebook | execution s |",
        "| --- | ---: |",
    ]
    return lines + [f"| {name} | {t:.1f} |" for name, t in times]


def _grading(res, verdicts) -> list[str]:
    if "skipped" in res:
        return [f"Skipped: {res['skipped']}."]
    ok = [r for r in res["rows"] if "per_submission_s" in r]
    lines = [
        "Per assignment: `Course.generate` once, then a batch of complete submissions autograded",
        "and given feedback in one nbgrader run (`Course.grade`, as an instructor does it).",
        "Self-grade: the learner's `python -m gdcourse.grade notebook.ipynb`, one notebook end",
        "to end (its own process, temporary course, generate, autograde, feedback).",
        "",
        "| assignment | submissions | generate s | batch s | s per submission | per minute "
        "| all full marks | self-grade s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in res["rows"]:
        if "error" in r:
            lines.append(f"| {r['assignment']} | failed: {r['error']} | | | | | | |")
            continue
        self_s = f"{r['self_grade_s']:.1f}" if "self_grade_s" in r else "–"
        lines.append(
            f"| {r['assignment']} | {r['students']} | {r['generate_s']:.1f} | {r['batch_s']:.1f} "
            f"| {r['per_submission_s']:.2f} | {r['per_minute']:.1f} | "
            f"{'yes' if r['max_score_reached'] else 'no'} | {self_s} |"
        )
    if ok:
        median = statistics.median(r["per_submission_s"] for r in ok)
        verdicts["grading"] = median < 5
        lines += [
            "",
            f"Median seconds per submission over assignments: {median:.2f} (batch). Each",
            "submission costs a kernel start, the notebook's execution and its feedback page;",
            "the self-grade command pays on top for one process start with nbgrader's import",
            "and `generate_assignment` (the generate column), for a single notebook.",
        ]
    return lines


def _suite(res, verdicts) -> list[str]:
    verdicts["suite"] = res["seconds"] < 600
    return [
        f"`{res['command']}`: {res['seconds']:.0f} s, exit code {res['exit_code']}.",
        "",
        f"Last lines: {res['log_tail'][:400]}",
    ]
