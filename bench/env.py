"""Thread settings and a description of the machine, for the header of RESULTS.md.

``pin_threads`` must run before numpy (or torch) is imported: OpenBLAS, MKL and OpenMP read
their thread counts from the environment when they load. It also sets the limits at run time
(threadpoolctl, ``torch.set_num_threads``) in case something was imported earlier.

``threads(n)`` changes the setting for a block of code at run time, so one process can time
the libraries both as a user runs them (``threads(None)``: the counts numpy's BLAS and torch
choose when nothing is set, found once in a clean subprocess) and on one thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import platform
import subprocess
import sys

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def pin_threads(n: int) -> None:
    """Give numpy's BLAS, scikit-learn and torch the same ``n`` threads."""
    for var in THREAD_VARS:
        os.environ[var] = str(n)
    from threadpoolctl import threadpool_limits

    threadpool_limits(n)
    torch = try_import_torch()
    if torch is not None:
        torch.set_num_threads(n)


@functools.cache
def library_defaults() -> dict[str, int]:
    """Threads numpy's BLAS and torch use when no variable limits them (a fresh process)."""
    probe = (
        "import json, numpy, threadpoolctl\n"
        "blas = [i['num_threads'] for i in threadpoolctl.threadpool_info()"
        " if i['user_api'] == 'blas']\n"
        "try:\n    import torch; t = torch.get_num_threads()\n"
        "except ImportError:\n    t = None\n"
        "print(json.dumps({'blas': max(blas or [1]), 'torch': t}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARS}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


@contextlib.contextmanager
def threads(n: int | None):
    """Run a block with ``n`` threads for numpy's BLAS and torch (None: their defaults)."""
    from threadpoolctl import threadpool_limits

    defaults = library_defaults()
    torch = try_import_torch()
    before = torch.get_num_threads() if torch is not None else None
    with threadpool_limits(n or defaults["blas"], user_api="blas"):
        if torch is not None:
            torch.set_num_threads(n or defaults["torch"] or 1)
        try:
            yield
        finally:
            if torch is not None:
                torch.set_num_threads(before)


def thread_label(n: int | None) -> str:
    if n is not None:
        return str(n)
    d = library_defaults()
    return f"default ({d['blas']} BLAS, {d['torch']} torch)"


def try_import_torch():
    """torch if it is importable here (bench/run.sh provides it), else None."""
    try:
        import torch
    except ImportError:
        return None
    return torch


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_lines(threads: int) -> list[str]:
    """Markdown bullet lines: CPU, cores, versions, BLAS, thread setting, date."""
    import numpy as np
    import sklearn
    from threadpoolctl import threadpool_info

    torch = try_import_torch()
    blas = ", ".join(
        f"{i['internal_api']} {i.get('version') or ''} ({i.get('architecture') or '?'}, "
        f"{i['num_threads']} threads)"
        for i in threadpool_info()
        if i["user_api"] == "blas"
    )
    hints = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
    coretype = {k: os.environ[k] for k in hints if k in os.environ}
    lines = [
        f"- date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores ({platform.system()} {platform.release()})",
        f"- Python {platform.python_version()}, numpy {np.__version__}, "
        f"scikit-learn {sklearn.__version__}, "
        + (f"torch {torch.__version__}" if torch else "torch not installed (its rows are skipped)"),
        f"- BLAS under numpy (and so gdlib and scikit-learn): {blas or 'unknown'}",
        f"- threads: {threads} for everyone (OMP/OPENBLAS/MKL_NUM_THREADS, threadpoolctl"
        + (f", torch.set_num_threads({torch.get_num_threads()})" if torch else "")
        + "), except where a table says \"default\": "
        + thread_label(None).replace("default ", "", 1),
    ]
    if coretype:
        lines.append(f"- note: {coretype} was set, which can slow OpenBLAS kernels")
    lines.append(f"- interpreter: `{sys.executable}`")
    return lines
