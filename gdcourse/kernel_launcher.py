"""Start a learner's kernel under resource limits (what :mod:`gdcourse.sandbox` runs).

    python -m gdcourse.kernel_launcher --as=BYTES --fsize=BYTES --cpu=SECONDS -- KERNEL COMMAND

sets RLIMIT_AS (address space: a runaway allocation raises MemoryError instead of exhausting the
machine), RLIMIT_FSIZE (largest file written), RLIMIT_CPU (CPU seconds; the kernel is killed
beyond) and no core dumps, then replaces itself with the kernel command. A limit of 0 is none.
It imports nothing heavy, so it adds milliseconds to a kernel's start.
"""

import os
import resource
import sys


def _limit(which: int, value: int) -> None:
    if value > 0:
        resource.setrlimit(which, (value, value))


def main(argv: list[str]) -> None:
    split = argv.index("--")
    opts = dict(a.lstrip("-").split("=", 1) for a in argv[:split])
    cmd = argv[split + 1:]
    _limit(resource.RLIMIT_AS, int(opts.get("as", 0)))
    _limit(resource.RLIMIT_FSIZE, int(opts.get("fsize", 0)))
    _limit(resource.RLIMIT_CPU, int(opts.get("cpu", 0)))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main(sys.argv[1:])
