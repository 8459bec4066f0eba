"""Start a learner's kernel under resource limits (what :mod:`.kernel` runs).

Usage:

    python -m gdcourse.grading.sandbox.launcher --as=BYTES --fsize=BYTES --cpu=SECONDS -- CMD...

sets RLIMIT_AS (address space: a runaway allocation raises MemoryError instead of exhausting the
machine), RLIMIT_FSIZE (largest file written), RLIMIT_CPU (CPU seconds; the kernel is killed
beyond) and no core dumps, then replaces itself with the kernel command CMD. A limit of 0 is
none. It imports nothing heavy, so it adds milliseconds to a kernel's start.

Exit status: that of the kernel; 2 when the arguments are wrong.
"""

import os
import resource
import sys

OPTIONS = ("as", "fsize", "cpu")


def _limit(which: int, value: int) -> None:
    if value > 0:
        resource.setrlimit(which, (value, value))


def main(argv: list[str]) -> int:
    split = argv.index("--") if "--" in argv else len(argv)
    if any(a in ("-h", "--help") for a in argv[:split]):
        print(__doc__)
        return 0
    try:
        opts = dict(a.removeprefix("--").split("=", 1) for a in argv[:split])
        limits = {k: int(opts.pop(k, 0)) for k in OPTIONS}
    except ValueError:
        opts = {"": ""}
    cmd = argv[split + 1:]
    if opts or not cmd or split == len(argv):
        print(f"usage: --as=BYTES --fsize=BYTES --cpu=SECONDS -- CMD...; got {argv}",
              file=sys.stderr)
        return 2
    _limit(resource.RLIMIT_AS, limits["as"])
    _limit(resource.RLIMIT_FSIZE, limits["fsize"])
    _limit(resource.RLIMIT_CPU, limits["cpu"])
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.execv(cmd[0], cmd)
    return 0  # not reached: execv replaces this process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
