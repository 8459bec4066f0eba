"""The learner's kernel: started under resource limits, in a folder of its own, with a
scrubbed environment (what :class:`gdcourse.grading.sandbox.LimitedExecute` starts).

The kernel process starts under ``python -m gdcourse.grading.sandbox.launcher``, which sets
resource limits (address space, size of files it writes, CPU seconds, no core dumps) then
becomes the kernel; it runs in a fresh temporary folder holding a copy of the submission's files
but no notebook (the autograded notebook, with the hidden tests in it, stays out of reach of
relative paths); and it gets only the environment variables a kernel needs (no database URL or
credentials). An operating-system sandbox per submission wraps :meth:`format_kernel_cmd` here.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer

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
