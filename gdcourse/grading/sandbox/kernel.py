"""The learner's kernel: started in the submission's sandbox, or (trusted notebooks only) under
resource limits in a folder of its own.

:class:`SandboxKernelManager` (what :class:`~.execute.LimitedExecute` uses by default) is a
jupyter_client ``AsyncKernelManager`` (what nbclient and nbgrader's ``Execute`` use) whose kernel
starts inside a :class:`.bwrap.Sandbox`:

- transport ``ipc``: the kernel's five sockets are Unix sockets in the sandbox's shared folder
  (no TCP port, no network needed); the kernel reads a copy of the connection file whose paths
  are the ones inside the sandbox;
- a socket pair whose kernel end is inherited by :mod:`.inner` (``--judge-fd``): the line of
  :mod:`.server` to the judge (:attr:`~SandboxKernelManager.judge_socket` is the grader's end);
- interrupts as ``interrupt_request`` messages (a signal would reach bubblewrap, not the
  kernel);
- the submission's files (never its notebooks) copied into the sandbox's working folder;
- the kernel's stdout discarded and its stderr kept in a file of at most ``Limits.file_size``
  bytes (:meth:`~SandboxKernelManager.kernel_log` reads its start), so no process holds the
  grader's own output;
- the client's zmq sockets refuse messages larger than ``max_message_bytes`` (one frame) and
  queue at most 1000 messages, so a kernel cannot fill the grader's memory.

Shutting the kernel down kills bubblewrap; the pid namespace takes every process with it, and
:meth:`~SandboxKernelManager.close_sandbox` removes the shared folder and the cgroup.

:class:`LimitedKernelManager` is the unsandboxed way (``c.LimitedExecute.sandbox = False``):
the kernel starts under ``python -m gdcourse.grading.sandbox.launcher``, which sets resource
limits (address space, size of files it writes, CPU seconds, no core dumps) then becomes the
kernel; it runs in a fresh temporary folder holding a copy of the submission's files but no
notebook, with only the environment variables a kernel needs (:func:`kernel_env`). It runs as
the grader's own user, with the grader's filesystem and network: only for notebooks whose
author is the one grading them (a learner's self-grade).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

import zmq
import zmq.asyncio
from jupyter_client.manager import AsyncKernelManager
from traitlets import Any, Bool, Integer, List, Unicode

from .bwrap import RUN, Limits, Sandbox

_CONTEXT: zmq.asyncio.Context | None = None


def client_context(max_message_bytes: int) -> zmq.asyncio.Context:
    """One zmq context for the clients of sandboxed kernels, with bounded sockets."""
    global _CONTEXT  # noqa: PLW0603
    if _CONTEXT is None:
        _CONTEXT = zmq.asyncio.Context()
        _CONTEXT.setsockopt(zmq.MAXMSGSIZE, max_message_bytes)
        _CONTEXT.setsockopt(zmq.RCVHWM, 1000)
        _CONTEXT.setsockopt(zmq.LINGER, 0)
    return _CONTEXT


class SandboxKernelManager(AsyncKernelManager):
    """Starts the kernel in a bubblewrap sandbox (see the module's docstring)."""

    limits = Any(Limits(), help="a gdcourse.grading.sandbox.bwrap.Limits").tag(config=True)
    packages = List(Unicode(), help="package folders the kernel may import (read-only)"
                    ).tag(config=True)
    read_only = List(Unicode(), help="other paths the kernel may read").tag(config=True)
    secrets = List(Unicode(), help="paths the sandbox must not see (checked)").tag(config=True)
    cgroup = Any(None, help="True: require a cgroup, None: where possible, False: none"
                 ).tag(config=True)
    max_message_bytes = Integer(16 * 2**20, help="largest message frame the grader reads"
                                ).tag(config=True)
    serve_judge = Bool(True, help="start the judge's server in the kernel").tag(config=True)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("transport", "ipc")
        super().__init__(**kwargs)
        self.sandbox: Sandbox | None = None
        self.judge_socket: socket.socket | None = None
        self._kernel_end: socket.socket | None = None
        self._log = None

    # -- start --------------------------------------------------------------------------------
    async def _async_pre_start_kernel(self, **kw):
        env = kw.get("env") or {}
        self.close_sandbox()
        files = kw.pop("cwd", None)
        self.sandbox = Sandbox(packages=self.packages, read_only=self.read_only,
                               secrets=self.secrets, limits=self.limits, cgroup=self.cgroup,
                               env={k: v for k, v in env.items() if k == "NBGRADER_EXECUTION"})
        if files and os.path.isdir(files):  # the submission's files, not its notebooks
            staged = os.path.join(self.sandbox.rundir, "files")
            shutil.copytree(files, staged, symlinks=False, ignore=shutil.ignore_patterns(
                "*.ipynb", ".ipynb_checkpoints"))
            self.sandbox.files = staged
        self.transport = "ipc"
        self.ip = os.path.join(self.sandbox.rundir, "k")
        self.connection_file = os.path.join(self.sandbox.rundir, "connection.json")
        if self.serve_judge:
            self.judge_socket, self._kernel_end = socket.socketpair()
            self._kernel_end.set_inheritable(True)
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments=None) -> list[str]:
        end = self._kernel_end
        options = [] if end is None else [f"--judge-fd={end.fileno()}"]
        return self.sandbox.command(["kernel", "-f", f"{RUN}/kernel.json"], options,
                                    fds=[] if end is None else [end.fileno()])

    async def _async_launch_kernel(self, kernel_cmd, **kw) -> None:
        info = json.loads(open(self.connection_file).read())
        info["ip"] = f"{RUN}/k"
        inside = os.path.join(self.sandbox.rundir, "kernel.json")
        with open(inside, "w") as f:
            json.dump(info, f)
        if self.sandbox.root_mode:
            os.chown(inside, self.sandbox.uid, self.sandbox.uid)
        os.chmod(inside, 0o600)
        self._log = open(os.path.join(self.sandbox.rundir, "kernel.log"), "wb")
        kw.update(stdout=subprocess.DEVNULL, stderr=self._log, stdin=subprocess.DEVNULL)
        kw["env"] = self.sandbox.launch_environment()  # nothing of the grader's, even for bwrap
        kw["pass_fds"] = tuple(self.sandbox.pass_fds)
        try:
            await super()._async_launch_kernel(kernel_cmd, **kw)
        finally:
            self.sandbox.launched()
            if self._kernel_end is not None:
                self._kernel_end.close()
                self._kernel_end = None

    def seal(self) -> None:
        """Once the kernel has bound its sockets: the shared folder is the grader's alone.

        As root, the sandbox's user owned the folder so that the kernel could make its sockets
        there; afterwards it could replace one by a link that the grader's client would follow
        when it reconnects. Given back to the grader, the folder cannot change any more. (As an
        ordinary user, the sandbox's user is the grader's: nothing to give back.)
        """
        if self.sandbox is not None and self.sandbox.root_mode:
            os.chown(self.sandbox.rundir, os.geteuid(), os.getegid())
            os.chmod(self.sandbox.rundir, 0o700)

    def kernel_log(self, limit: int = 4000) -> str:
        """The start of the kernel's stderr (why a kernel did not start)."""
        if self.sandbox is None:
            return ""
        try:  # the sandbox may write this folder: never follow a link it left there
            fd = os.open(os.path.join(self.sandbox.rundir, "kernel.log"),
                         os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as f:
                return f.read(limit).decode(errors="replace")
        except OSError:
            return ""

    # -- while it runs ------------------------------------------------------------------------
    async def _async_interrupt_kernel(self) -> None:
        if self.has_kernel:
            msg = self.session.msg("interrupt_request", content={})
            self._connect_control_socket()
            self.session.send(self._control_socket, msg)

    def client(self, **kwargs):
        kwargs.setdefault("context", client_context(self.max_message_bytes))
        return super().client(**kwargs)

    # -- end ----------------------------------------------------------------------------------
    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        self.close_sandbox()

    # AsyncKernelManager binds the base class's coroutine here; nbclient calls this one when
    # the kernel is already dead
    cleanup_resources = _async_cleanup_resources

    def close_sandbox(self) -> None:
        if self.judge_socket is not None:
            self.judge_socket.close()
            self.judge_socket = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.sandbox is not None:
            self.sandbox.close()
            self.sandbox = None


# Environment variables a kernel keeps; everything else (database URLs, tokens) is dropped.
KEEP_ENV = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "PYTHONPATH",
            "VIRTUAL_ENV", "MPLBACKEND", "MPLCONFIGDIR", "IPYTHONDIR", "JUPYTER_PATH",
            "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
            "PYDEVD_DISABLE_FILE_VALIDATION", "NBGRADER_EXECUTION", "SYSTEMROOT")
# One thread per kernel: deterministic sums, and parallel graders don't fight over cores.
THREADS = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def kernel_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a learner's kernel: :data:`KEEP_ENV` and ``LC_*`` only."""
    environ = os.environ if environ is None else environ
    env = {k: v for k, v in environ.items() if k in KEEP_ENV or k.startswith("LC_")}
    return env | THREADS


class LimitedKernelManager(AsyncKernelManager):
    """Starts the kernel under the launcher (resource limits), in a temporary copy of its folder."""

    memory_limit = Integer(0, help="RLIMIT_AS of the kernel in bytes (0: none)").tag(config=True)
    file_size_limit = Integer(0, help="RLIMIT_FSIZE in bytes (0: none)").tag(config=True)
    cpu_limit = Integer(0, help="RLIMIT_CPU in seconds (0: none)").tag(config=True)

    _workdirs: list[str] = []

    def format_kernel_cmd(self, extra_arguments=None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        if any("ipykernel" in part for part in cmd):
            # tracebacks without code context: a hidden test's lines never reach the feedback
            cmd = [*cmd, "--InteractiveShell.xmode=Minimal"]
        return [sys.executable, "-m", "gdcourse.grading.sandbox.launcher",
                f"--as={self.memory_limit}", f"--fsize={self.file_size_limit}",
                f"--cpu={self.cpu_limit}", "--", *cmd]

    async def _async_launch_kernel(self, kernel_cmd, **kw) -> None:
        workdir = tempfile.mkdtemp(prefix="gdcourse-kernel-")
        self._workdirs = [*self._workdirs, workdir]
        src = kw.get("cwd")
        if src and os.path.isdir(src):  # the submission's files, not its notebooks
            shutil.copytree(src, workdir, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
        kw["cwd"] = workdir
        kw["env"] = kernel_env(kw.get("env") or os.environ)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        for workdir in self._workdirs:
            shutil.rmtree(workdir, ignore_errors=True)
        self._workdirs = []
