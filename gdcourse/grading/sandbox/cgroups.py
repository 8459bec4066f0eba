"""A cgroup per sandbox, where the grader may make one: all its processes together get
``Limits.processes`` pids and ``Limits.total_memory`` bytes.

RLIMIT_AS bounds each process, not their sum; a memory cgroup bounds the sum (the tmpfs of the
sandbox included). Making cgroups needs root, or a delegated subtree (systemd's
``Delegate=yes``); where neither is available, :func:`create` returns None and the rlimits are
the only bounds. Both cgroup v1 (one hierarchy per controller) and v2 (unified) are handled.
"""

from __future__ import annotations

import itertools
import os
import shlex
import signal
import time
from pathlib import Path

CONTROLLERS = ("pids", "memory")
_counter = itertools.count()


def _mounts() -> dict[str, tuple[str, int]]:
    """Controller -> (mount point, cgroup version) of this process's cgroup hierarchies."""
    found: dict[str, tuple[str, int]] = {}
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        left, _, right = line.partition(" - ")
        fstype, _, options = (right.split(" ") + ["", "", ""])[:3]
        point = left.split(" ")[4]
        if fstype == "cgroup":
            for c in CONTROLLERS:
                if c in options.split(","):
                    found.setdefault(c, (point, 1))
        elif fstype == "cgroup2":
            try:
                have = Path(point, "cgroup.controllers").read_text().split()
            except OSError:
                continue
            for c in CONTROLLERS:
                if c in have:
                    found.setdefault(c, (point, 2))
    return found


def _own_paths() -> dict[str, str]:
    """Controller -> this process's cgroup path in it ("" key: the v2 path)."""
    out = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, names, path = line.split(":", 2)
        for name in names.split(",") if names else [""]:
            out[name] = path
    return out


class Cgroup:
    """The cgroup folders of one sandbox, one per hierarchy."""

    def __init__(self, dirs: list[Path], versions: dict[Path, int]) -> None:
        self.dirs, self.versions = dirs, versions

    def wrap(self, cmd: list[str]) -> list[str]:
        """``cmd`` started inside the cgroup: a shell joins it, then becomes ``cmd``."""
        join = " && ".join(f"echo $$ > {shlex.quote(str(d / 'cgroup.procs'))}"
                           for d in self.dirs)
        return ["/bin/sh", "-c", f'{join} && exec "$@"', "sh", *cmd]

    def pids(self) -> list[int]:
        out = set()
        for d in self.dirs:
            try:
                out |= {int(p) for p in (d / "cgroup.procs").read_text().split()}
            except OSError:
                pass
        return sorted(out)

    def remove(self) -> None:
        """Kill whatever is left in it, then remove it."""
        for _ in range(50):
            left = self.pids()
            if not left:
                break
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.02)
        for d in self.dirs:
            for _ in range(50):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)


def create(limits, required: bool = False) -> Cgroup | None:
    """A new cgroup with the limits, or None where cgroups cannot be made (``required``: raise)."""
    mounts, own = _mounts(), _own_paths()
    made: list[Path] = []
    versions: dict[Path, int] = {}
    name = f"gdsb-{os.getpid()}-{next(_counter)}"
    try:
        for controller in CONTROLLERS:
            if controller not in mounts:
                continue
            point, version = mounts[controller]
            base = Path(point) / own.get(controller if version == 1 else "", "/").lstrip("/")
            d = base / name
            if d in versions:
                continue
            d.mkdir()
            made.append(d)
            versions[d] = version
        for d, version in versions.items():
            files = {"pids.max": limits.processes + 8}  # + bwrap and the launcher
            if version == 1:
                files["memory.limit_in_bytes"] = limits.total_memory
            else:
                files["memory.max"] = limits.total_memory
                files["memory.swap.max"] = 0
            for fname, value in files.items():
                if (d / fname).exists():
                    (d / fname).write_text(str(value))
    except OSError as err:
        Cgroup(made, versions).remove()
        if required:
            raise RuntimeError(f"cannot make a cgroup for the sandbox: {err}") from err
        return None
    if not made:
        if required:
            raise RuntimeError("cannot make a cgroup for the sandbox: no pids or memory "
                               "controller is mounted")
        return None
    return Cgroup(made, versions)
