"""Thread pinning and a description of the machine, for the header of RESULTS.md.

``pin_threads`` must run before numpy (or torch) is imported: OpenBLAS, MKL and OpenMP read
their thread counts from the environment when they load. It also sets the limits at run time
(threadpoolctl, ``torch.set_num_threads``) in case something was imported earlier.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
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
        + ")",
    ]
    if coretype:
        lines.append(f"- note: {coretype} was set, which can slow OpenBLAS kernels")
    lines.append(f"- interpreter: `{sys.executable}`")
    return lines
