"""What runs first inside the sandbox, before any learner code (started by :mod:`.bwrap`).

    python -m gdcourse.grading.sandbox.inner --limits=JSON [--uid=N] [--files=DIR]
                                             [--judge-fd=N] -- kernel -f FILE
    python -m gdcourse.grading.sandbox.inner --limits=JSON [--uid=N] [--files=DIR] -- CMD ...

In order: closes every inherited file descriptor but 0, 1, 2; joins a new, empty session
keyring (the grader's keys stay out of reach); copies the submission's files (not its
notebooks) into the working folder; as root, gives that folder to the sandbox's uid and drops
to it (all groups and capabilities gone); sets the resource limits; then becomes the kernel
(``kernel``: an ipykernel with :mod:`.server` installed) or the command. It imports nothing but
the standard library before the kernel starts.
"""

from __future__ import annotations

import ctypes
import json
import os
import platform
import resource
import shutil
import sys

KEYCTL = {"x86_64": 250, "aarch64": 219}  # syscall numbers of keyctl
KEYCTL_JOIN_SESSION_KEYRING = 1
LIMITS = {"memory": resource.RLIMIT_AS, "processes": resource.RLIMIT_NPROC,
          "cpu": resource.RLIMIT_CPU, "file_size": resource.RLIMIT_FSIZE,
          "open_files": resource.RLIMIT_NOFILE}


def _new_keyring() -> None:
    nr = KEYCTL.get(platform.machine())
    if nr is not None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall(nr, KEYCTL_JOIN_SESSION_KEYRING, None)  # fails harmlessly if not allowed


def _copy_files(src: str, dst: str) -> None:
    shutil.copytree(src, dst, dirs_exist_ok=True, symlinks=False,
                    ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))


def _drop_to(uid: int, home: str) -> None:
    for folder, _, names in os.walk(home):
        os.chown(folder, uid, uid)
        for name in names:
            os.chown(os.path.join(folder, name), uid, uid, follow_symlinks=False)
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    status = open("/proc/self/status").read()
    caps = [line.split()[1] for line in status.splitlines()
            if line.startswith(("CapEff", "CapPrm"))]
    if os.getuid() != uid or any(int(c, 16) for c in caps):
        raise SystemExit("sandbox: could not drop to an unprivileged user")


def _set_limits(limits: dict) -> None:
    for key, which in LIMITS.items():
        value = int(limits.get(key, 0))
        if value > 0:
            resource.setrlimit(which, (value, value))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv: list[str]) -> None:
    split = argv.index("--")
    opts = dict(a[2:].split("=", 1) for a in argv[:split])
    cmd = argv[split + 1:]
    keep = int(opts.get("judge-fd", -1))
    top = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if keep >= 3:
        os.closerange(3, keep)
        os.closerange(keep + 1, top)
    else:
        os.closerange(3, top)
    _new_keyring()
    if "files" in opts:
        _copy_files(opts["files"], os.getcwd())
    if "uid" in opts:
        _drop_to(int(opts["uid"]), os.getcwd())
    _set_limits(json.loads(opts.get("limits", "{}")))
    if cmd[:1] == ["kernel"]:
        _kernel(cmd[1:], keep if keep >= 3 else None)
    else:
        os.execvp(cmd[0], cmd)


class _CellCap:
    """Output of one cell, counted at the source: beyond ``cap`` characters it is dropped.

    A courtesy to honest code (a ``print`` in a long loop): the kernel sends a short note
    instead of megabytes. Learner code can undo it; the grader's own caps do not rely on it.
    """

    def __init__(self, cap: int) -> None:
        self.cap, self.used, self.noted = cap, 0, False

    def reset(self, *_args) -> None:
        self.used, self.noted = 0, False

    def take(self, size: int) -> bool:
        self.used += size
        return self.used <= self.cap

    def note(self) -> str:
        if self.noted:
            return ""
        self.noted = True
        return (f"\n[output cut: this cell printed more than {self.cap // 1000} kB; "
                "the rest was dropped]\n")


class _CappedStream:
    def __init__(self, stream, cap: _CellCap) -> None:
        self._stream, self._cap = stream, cap

    def write(self, text) -> int:
        text = str(text)
        room = self._cap.cap - self._cap.used
        if self._cap.take(len(text)):
            return self._stream.write(text)
        if room > 0:
            self._stream.write(text[:room])
        note = self._cap.note()
        if note:
            self._stream.write(note)
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def cap_output(shell, cap: int = 100_000) -> _CellCap:
    """Cap what each cell prints or displays, in the kernel (see :class:`_CellCap`)."""
    counter = _CellCap(cap)
    shell.events.register("pre_execute", counter.reset)
    stderr = sys.stderr
    sys.stdout = _CappedStream(sys.stdout, counter)
    sys.stderr = _CappedStream(stderr, counter)
    publish = shell.display_pub.publish

    def capped_publish(data, *args, **kwargs):
        size = sum(len(v) if isinstance(v, str) else len(repr(v)) for v in (data or {}).values())
        if counter.take(size):
            return publish(data, *args, **kwargs)
        note = counter.note()
        if note:
            stderr.write(note)  # past the cap itself
        return None

    shell.display_pub.publish = capped_publish
    return counter


def _kernel(argv: list[str], judge_fd: int | None) -> None:
    import socket

    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    # tracebacks without code context; no history file
    app.initialize([*argv, "--HistoryManager.enabled=False", "--InteractiveShell.xmode=Minimal",
                    "--IPKernelApp.quiet=True"])
    cap_output(app.kernel.shell)
    if judge_fd is not None:
        from . import server

        server.install(app.kernel, socket.socket(fileno=judge_fd))
    app.start()


if __name__ == "__main__":
    main(sys.argv[1:])
