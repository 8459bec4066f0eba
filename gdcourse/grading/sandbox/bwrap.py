"""An operating-system sandbox for one submission, made with bubblewrap (``bwrap``).

Inside, the learner's code sees:

- **a filesystem of its own**: a fresh root holding read-only binds of the system (``/usr`` and
  its ``/lib``, ``/bin`` links, a few files of ``/etc``), of the Python installation and venv, and
  of the paths the grader names (the course's packages); a private writable ``/tmp`` (a tmpfs
  of ``Limits.disk`` bytes, whose ``/tmp/home`` is the working folder and ``$HOME``); nothing
  else: no course folder, no ``solutions/``, no gradebook, no other submission, no home of the
  grader, not even the exercises an installed course package ships (``gdcourse/assignments``,
  hidden tests included: an empty folder in their place);
- **its own process, network, IPC and host-name namespaces**: ``/proc`` lists only its own
  processes, there is no network interface but ``lo``; the kernel speaks to the grader over
  Unix sockets in one shared folder (``/run/kernel``);
- **an unprivileged user**: as root, the grader starts bubblewrap without a user namespace and
  :mod:`.inner` drops to a uid of its own (:func:`sandbox_uid`), unique per sandbox; as an
  ordinary user, bubblewrap makes a user namespace in which the code runs as uid 65534 (the
  grader's uid outside) and may not make another one;
- **limits** (:class:`Limits`) set by :mod:`.inner` before any learner code runs, and, where the
  grader may make cgroups, a pids and memory cgroup per sandbox (:mod:`.cgroups`);
- **a seccomp filter** (:mod:`.seccomp`): no new user namespace, no kernel keyrings;
- **one lifetime**: ``--die-with-parent`` and a pid namespace: when bubblewrap or the grader
  dies, or the grader kills bubblewrap, the kernel kills every process of the namespace.

:func:`probe` checks once per process that a sandbox can be made, and raises
:class:`SandboxUnavailable` with what is wrong and the explicit way to run without one.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from ..layout import PACKAGE, SHIPPED
from . import seccomp

BWRAP = "bwrap"
TMP = "/tmp"                     # the private writable tmpfs
HOME = f"{TMP}/home"             # the working folder
RUN = "/run/kernel"              # connection file and sockets, shared with the grader
FILES = "/run/submission"        # the submission's files, read-only, copied into HOME
NOBODY = 65534
UID_BASE = 1_000_000_000         # root mode: uids of sandboxes start here (see sandbox_uid)
UNSANDBOXED = ("add `c.LimitedExecute.sandbox = False` to nbgrader_config.py (or pass "
               "--LimitedExecute.sandbox=False to nbgrader); see appendices/instructors.md, "
               "\"Limits and threat model\"")
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
             "/etc/alternatives", "/etc/nsswitch.conf", "/etc/mime.types")


class SandboxUnavailable(RuntimeError):
    """No sandbox can be made here; the message says why and how to grade without one."""


@dataclass(frozen=True)
class Limits:
    """What one submission may use. ``0`` means no limit (only for the rlimits)."""

    memory: int = 4 * 2**30      # address space of each process (RLIMIT_AS), bytes
    processes: int = 64          # processes of the sandbox (RLIMIT_NPROC; pids cgroup)
    cpu: int = 900               # CPU seconds of each process (RLIMIT_CPU)
    file_size: int = 64 * 2**20  # largest file written (RLIMIT_FSIZE), bytes
    disk: int = 256 * 2**20      # the private writable folder, home and /tmp together, bytes
    open_files: int = 1024       # file descriptors of each process (RLIMIT_NOFILE)
    total_memory: int = 6 * 2**30  # all processes together (memory cgroup, where available)

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))


LIMITS = Limits()  # the defaults


_counter = itertools.count()


def sandbox_uid() -> int:
    """A uid no other sandbox of this machine uses now (root mode only).

    Unique per grader process and sandbox: RLIMIT_NPROC counts the processes of one uid, so
    two submissions graded at once must not share one.
    """
    return UID_BASE + (os.getpid() << 8) + next(_counter) % 256


def python_paths() -> list[str]:
    """The Python installation and venv this grader runs, to bind read-only."""
    paths = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    paths.add(os.path.dirname(os.path.dirname(os.path.realpath(sys.executable))))
    return sorted(paths)


def _minimal(paths: Iterable[str]) -> list[str]:
    """Drop paths inside others of the list (bound once, with their parent)."""
    out: list[str] = []
    for p in sorted({os.path.realpath(p) for p in paths}):
        if not any(p == q or p.startswith(q.rstrip("/") + "/") for q in out):
            out.append(p)
    return out


def _ancestors(path: str) -> list[str]:
    parts = Path(path).parts[1:-1]
    return ["/" + "/".join(parts[:i]) for i in range(1, len(parts) + 1)]


@functools.lru_cache(maxsize=1)
def probe() -> str:
    """Check that bubblewrap can make a sandbox here; return its version.

    Raises :class:`SandboxUnavailable` naming the cause (bwrap missing, user namespaces
    disabled, a container that forbids namespaces) and the explicit way to grade unsandboxed.
    """
    exe = shutil.which(BWRAP)
    if exe is None:
        raise SandboxUnavailable(
            "cannot sandbox the submissions: bubblewrap (`bwrap`) is not installed. Install it "
            "(Debian/Ubuntu: `apt-get install bubblewrap`; Fedora: `dnf install bubblewrap`), or, "
            "only if every submission is trusted (a learner grading their own notebook), grade "
            f"without a sandbox: {UNSANDBOXED}.")
    cmd = [exe, "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net", "--unshare-ipc",
           "--die-with-parent", "--proc", "/proc", "--dev", "/dev"]
    if os.geteuid() != 0:
        cmd += ["--unshare-user", "--disable-userns", "--uid", str(NOBODY), "--gid", str(NOBODY)]
    try:
        run = subprocess.run([*cmd, "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as err:
        run = None
        why = str(err)
    else:
        why = run.stderr.strip()
    if run is None or run.returncode != 0:
        hint = ""
        if "namespace" in why or "Operation not permitted" in why or "uid map" in why:
            hint = (" This kernel or container does not let this user make namespaces: allow "
                    "unprivileged user namespaces (`sysctl kernel.unprivileged_userns_clone=1`, "
                    "`sysctl user.max_user_namespaces=15000`; on Ubuntu 24.04 also "
                    "`sysctl kernel.apparmor_restrict_unprivileged_userns=0` or an AppArmor "
                    "profile for bwrap), run the grader in a container that allows them "
                    "(Docker: `--security-opt seccomp=unconfined`), or run it as root.")
        raise SandboxUnavailable(
            f"cannot sandbox the submissions: bubblewrap failed ({why or 'no message'}).{hint} "
            f"Only if every submission is trusted, grade without a sandbox: {UNSANDBOXED}.")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    return version.strip()


class Sandbox:
    """The sandbox of one submission: its bwrap command and the host folder it shares.

    Parameters
    ----------
    packages : iterable of str
        Folders of Python packages the code may import (``gdlib``, the course's package),
        bound read-only at the same path; their parents go on ``PYTHONPATH``. The top-level
        package of this module (the kernel runs its :mod:`.inner` and :mod:`.server`) and the
        Python installation and venv (:func:`python_paths`) are always added.
    read_only : iterable of str
        Other host paths the code may read, at the same path.
    secrets : iterable of str
        Host paths that must stay out of reach (``solutions/``, the gradebook, the course
        folder): a ``read_only`` path holding one of them is refused.
    files : path, optional
        A folder whose files are copied into the working folder before the code starts.
    limits : Limits
    env : mapping
        Extra environment variables of the sandboxed process (the rest is fixed here).
    cgroup : bool or None
        Put the sandbox in a cgroup of its own (pids and memory): True requires it, None uses
        it where the grader may make cgroups, False never.
    use_seccomp : bool
        Load :mod:`.seccomp`'s filter (no user namespaces, keyrings, io_uring, ...).
    """

    def __init__(self, packages: Iterable[str] = (), read_only: Iterable[str] = (),
                 secrets: Iterable[str] = (),
                 files: str | os.PathLike | None = None, limits: Limits = LIMITS,
                 env: Mapping[str, str] | None = None, cgroup: bool | None = None,
                 use_seccomp: bool = True) -> None:
        probe()
        self.root_mode = os.geteuid() == 0
        self.uid = sandbox_uid() if self.root_mode else NOBODY
        self.limits = limits
        # the top-level package of this module: the kernel runs its .inner and .server
        top = importlib.import_module(__package__.split(".")[0])
        self.packages = _minimal([os.path.dirname(os.path.abspath(top.__file__)), *packages])
        self.read_only = _minimal([*python_paths(), *self.packages, *read_only])
        # the exercises an installed course package ships carry hidden tests: never in sight
        self.hidden = [p for p in [str(PACKAGE / SHIPPED)] if os.path.isdir(p)]
        for secret in secrets:
            secret = os.path.realpath(secret)
            for path in self.read_only:
                if secret == path or secret.startswith(path.rstrip("/") + "/"):
                    raise ValueError(f"the sandbox would see {secret} through {path}: name the "
                                     "course's package folders, not the folder that holds them")
        self.files = os.fspath(files) if files else None
        self.use_seccomp = use_seccomp
        self._own_fds: list[int] = []
        self.pass_fds: list[int] = []
        self.env = dict(env or {})
        # short: a Unix socket's path has at most 107 bytes
        self.rundir = tempfile.mkdtemp(prefix=f"gdsb-{os.getpid()}-", dir="/tmp")
        self._write_identity()
        self.cgroup = None
        if cgroup is not False:
            from . import cgroups
            self.cgroup = cgroups.create(limits, required=bool(cgroup))
        if self.root_mode:
            os.chown(self.rundir, self.uid, self.uid)

    # -- the host folder ----------------------------------------------------------------------
    def _write_identity(self) -> None:
        """passwd and group files naming only the sandbox's user."""
        Path(self.rundir, "passwd").write_text(
            f"root:x:0:0:root:/root:/bin/sh\nlearner:x:{self.uid}:{self.uid}:learner:{HOME}:"
            f"/bin/sh\nnobody:x:{NOBODY}:{NOBODY}:nobody:/nonexistent:/bin/false\n")
        Path(self.rundir, "group").write_text(
            f"root:x:0:\nlearner:x:{self.uid}:\nnogroup:x:{NOBODY}:\n")

    def inside(self, host_path: str) -> str:
        """The path inside the sandbox of a file in :attr:`rundir`."""
        return os.path.join(RUN, os.path.relpath(host_path, self.rundir))

    # -- the command --------------------------------------------------------------------------
    def environment(self) -> dict[str, str]:
        venv_bin = os.path.dirname(sys.executable)
        env = {
            "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin",
            "HOME": HOME, "TMPDIR": TMP, "USER": "learner", "LOGNAME": "learner",
            "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
            "MPLCONFIGDIR": f"{HOME}/.config/matplotlib", "IPYTHONDIR": f"{HOME}/.ipython",
            "JUPYTER_RUNTIME_DIR": f"{TMP}/jupyter", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYTHONPATH": os.pathsep.join(dict.fromkeys(os.path.dirname(p)
                                                        for p in self.packages)),
        }
        return env | self.env

    def command(self, argv: list[str], options: Iterable[str] = (),
                fds: Iterable[int] = ()) -> list[str]:
        """The command that runs ``python -m gdcourse.grading.sandbox.inner ... -- argv`` here.

        ``argv`` is ``["kernel", "-f", connection_file_inside]`` for a kernel (see
        :mod:`.kernel`), or any command to run as the sandbox's user; ``options`` go to
        :mod:`.inner` (``--judge-fd=N``). Start it with ``pass_fds=sandbox.pass_fds`` (``fds``
        and the seccomp filter's), then call :meth:`launched`.
        """
        self.launched()
        self.pass_fds = list(fds)
        cmd = [shutil.which(BWRAP) or BWRAP, "--die-with-parent", "--new-session",
               "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
               "--unshare-cgroup-try", "--hostname", "sandbox", "--clearenv"]
        if not self.root_mode:
            cmd += ["--unshare-user", "--disable-userns", "--uid", str(NOBODY),
                    "--gid", str(NOBODY)]
        if self.use_seccomp:
            fd = seccomp.pipe_fd()
            if fd is not None:
                self._own_fds.append(fd)
                self.pass_fds.append(fd)
                cmd += ["--seccomp", str(fd)]
        # the writable tmpfs first: read-only binds below /tmp (a course in /tmp) go on top
        cmd += ["--size", str(self.limits.disk), "--perms", "01777", "--tmpfs", TMP,
                "--perms", "0700", "--dir", HOME]
        made = {TMP, HOME}
        for path in [*self.read_only, RUN, FILES, "/etc/passwd"]:
            for parent in _ancestors(path):
                if parent not in made and parent not in SYSTEM_LINKS:
                    made.add(parent)
                    cmd += ["--perms", "0755", "--dir", parent]
        cmd += ["--ro-bind", "/usr", "/usr"]
        for link in SYSTEM_LINKS:
            if os.path.islink(link):
                cmd += ["--symlink", os.readlink(link), link]
            elif os.path.isdir(link):
                cmd += ["--ro-bind", link, link]
        for path in ETC_FILES:
            if os.path.exists(path):
                cmd += ["--ro-bind", path, path]
        cmd += ["--ro-bind", f"{self.rundir}/passwd", "/etc/passwd",
                "--ro-bind", f"{self.rundir}/group", "/etc/group"]
        for path in self.read_only:
            if not path.startswith("/usr/"):
                cmd += ["--ro-bind", path, path]
        for path in self.hidden:
            cmd += ["--perms", "0555", "--size", "4096", "--tmpfs", path, "--remount-ro", path]
        cmd += ["--proc", "/proc", "--dev", "/dev", "--bind", self.rundir, RUN]
        if self.files:
            cmd += ["--ro-bind", self.files, FILES]
        # nothing writable but /tmp (and the shared folder): not the root bubblewrap made, not
        # /dev (as an ordinary user, both belong to the sandbox's uid and have no size limit)
        cmd += ["--remount-ro", "/dev", "--remount-ro", "/"]
        for key, value in self.environment().items():
            cmd += ["--setenv", key, value]
        cmd += ["--chdir", HOME, "--", sys.executable, "-m",
                f"{__package__}.inner", f"--limits={self.limits.to_json()}"]
        if self.root_mode:
            cmd += [f"--uid={self.uid}"]
        if self.files:
            cmd += [f"--files={FILES}"]
        cmd += [*options, "--", *argv]
        if self.cgroup is not None:
            cmd = self.cgroup.wrap(cmd)
        return cmd

    @staticmethod
    def launch_environment() -> dict[str, str]:
        """The environment bubblewrap itself starts with: nothing of the grader's.

        bubblewrap's own processes keep the environment they were started with (``--clearenv``
        clears only the sandboxed command's), and the sandbox can read theirs in ``/proc``.
        """
        return {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}

    def launched(self) -> None:
        """Close this side's copy of the descriptors the sandbox inherited."""
        for fd in getattr(self, "_own_fds", []):
            try:
                os.close(fd)
            except OSError:
                pass
        self._own_fds: list[int] = []
        self.pass_fds: list[int] = []

    def popen(self, argv: list[str], **kw) -> subprocess.Popen:
        """Start a command in the sandbox (tests and probes)."""
        cmd = self.command(argv)
        try:
            return subprocess.Popen(cmd, pass_fds=self.pass_fds, stdin=subprocess.DEVNULL,
                                    env=self.launch_environment(), **kw)
        finally:
            self.launched()

    def run(self, argv: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
        """Run a command in the sandbox and wait for it (tests and probes)."""
        proc = self.popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        finally:
            proc.kill()
            proc.wait()
        return subprocess.CompletedProcess(argv, proc.returncode, out, err)

    def close(self) -> None:
        """Remove the host folder and the cgroup (once every process is gone)."""
        self.launched()
        shutil.rmtree(self.rundir, ignore_errors=True)
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
