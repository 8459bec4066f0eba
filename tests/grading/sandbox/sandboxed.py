"""A sandboxed kernel with its judge, and the pid-namespace helpers the sandbox tests share."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

from gdcourse.grading.layout import CHECKOUT
from gdcourse.grading.sandbox.bwrap import LIMITS, Limits
from gdcourse.grading.sandbox.judge import Judge
from gdcourse.grading.sandbox.kernel import SandboxKernelManager
from gdcourse.grading.sandbox.link import KernelPort
from gdcourse.grading.sandbox.remote import Remote
from gdcourse.grading.settings import sandbox_packages

REPO = CHECKOUT
PACKAGES = sandbox_packages()  # gdlib's folder (the course's package is always bound)


class SandboxedKernel:
    """A kernel in a sandbox, a client to run cells in it, and a judge for test cells."""

    def __init__(self, limits: Limits = LIMITS, packages=PACKAGES, call_timeout=10.0,
                 **kw) -> None:
        self.loop = asyncio.new_event_loop()
        self.km = SandboxKernelManager(packages=packages, limits=limits, **kw)
        t = time.monotonic()
        self.loop.run_until_complete(self.km.start_kernel())
        self.kc = self.km.client()
        self.kc.start_channels()
        self.loop.run_until_complete(self.kc.wait_for_ready(timeout=60))
        self.km.seal()  # as LimitedExecute does
        self.start_time = time.monotonic() - t
        self.remote = Remote(self.km.judge_socket, KernelPort(self.km.get_connection_info()),
                             call_timeout=call_timeout)
        self.judge = Judge(self.remote)
        self.bwrap_pid = self.km.provisioner.process.pid
        self.pidns = pid_namespace(self.bwrap_pid)

    def run(self, code: str, timeout: float = 30) -> dict:
        """Run a cell in the kernel; return its stdout, stderr and error name."""
        self.remote.end()  # a test that called proxies directly leaves the server serving
        out = {"stdout": "", "stderr": "", "error": None, "data": []}

        def hook(msg):
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out[content["name"]] += content["text"]
            elif kind == "error":
                out["error"] = content["ename"]
                out["evalue"] = content["evalue"]
            elif kind in ("display_data", "execute_result"):
                out["data"].append(content["data"])

        self.loop.run_until_complete(self.kc.execute_interactive(
            code, timeout=timeout, output_hook=hook))
        self.judge.learner_ran(code)
        return out

    def test(self, code: str, timeout: float = 10) -> list[dict]:
        """Run a test cell in the judge; return its outputs."""
        return self.judge.run_test(code, timeout)

    def alive(self) -> bool:
        return self.loop.run_until_complete(self.km.is_alive())

    def close(self) -> None:
        self.kc.stop_channels()
        self.loop.run_until_complete(self.km.shutdown_kernel(now=True))
        if self.remote.port is not None:
            self.remote.port.close()
        self.loop.close()


def pid_namespace(pid: int) -> str | None:
    """The pid namespace of the sandbox started as ``pid`` (bubblewrap's child's)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        for child in _children(pid):
            try:
                return os.readlink(f"/proc/{child}/ns/pid")
            except OSError:
                pass
        time.sleep(0.02)
    return None


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def in_namespace(ns: str | None) -> list[int]:
    """Host pids of the processes still in pid namespace ``ns``."""
    if ns is None:
        return []
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if os.readlink(p / "ns" / "pid") == ns:
                    out.append(int(p.name))
            except OSError:
                pass
    return out


def wait_gone(ns: str | None, seconds: float = 5) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = in_namespace(ns)
        if not left:
            return []
        time.sleep(0.05)
    return in_namespace(ns)


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
