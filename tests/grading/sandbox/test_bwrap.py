"""The operating-system sandbox: what code inside it can see, use and leave behind.

Each test runs a small Python program in a fresh sandbox (about 50 ms) and checks what it
reports or what is left on the host afterwards. The grader's side of each test runs as whoever
runs pytest: root here; ``test_unprivileged.py`` runs the same checks as an ordinary user.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from sandboxed import REPO, in_namespace, kill, pid_namespace, wait_gone

from gdcourse.grading.sandbox import bwrap
from gdcourse.grading.sandbox.bwrap import LIMITS, Limits, Sandbox, SandboxUnavailable

SECRET = "gd-secret-token-4711"


def inside(code: str, limits: Limits = LIMITS, timeout: float = 60, **kw) -> dict:
    """Run ``code`` in a sandbox; it reports by assigning to the dict ``out``."""
    program = "import json, os, sys\nout = {}\n" + textwrap.dedent(code) + \
        "\nprint('\\n' + json.dumps(out))\n"
    with Sandbox(limits=limits, **kw) as sb:
        run = sb.run([sys.executable, "-c", program], timeout=timeout)
    lines = run.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1]) | {"returncode": run.returncode, "stderr": run.stderr}
    except (IndexError, ValueError):
        return {"returncode": run.returncode, "stderr": run.stderr, "stdout": run.stdout}


def test_probe_finds_bubblewrap():
    assert bwrap.probe().startswith("bubblewrap")


def probe_failure(monkeypatch, exe: str) -> str:
    """The message of :func:`bwrap.probe` with ``exe`` as bubblewrap."""
    monkeypatch.setattr(bwrap, "BWRAP", exe)
    bwrap.probe.cache_clear()
    try:
        with pytest.raises(SandboxUnavailable) as err:
            bwrap.probe()
    finally:
        bwrap.probe.cache_clear()
    return str(err.value)


def test_without_bubblewrap_the_error_names_the_explicit_way_out(monkeypatch):
    message = probe_failure(monkeypatch, "bwrap-is-not-installed")
    assert "apt-get install bubblewrap" in message
    assert "c.LimitedExecute.sandbox = False" in message


def test_without_namespaces_the_error_says_how_to_allow_them(monkeypatch, tmp_path):
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to creating new namespace, likely "
                    "because the kernel does not allow non-privileged user namespaces.' >&2\n"
                    "exit 1\n")
    fake.chmod(0o755)
    message = probe_failure(monkeypatch, str(fake))
    assert "unprivileged_userns_clone" in message and "sandbox = False" in message


def test_a_package_folder_holding_a_secret_is_refused(tmp_path):
    (tmp_path / "solutions").mkdir()
    with pytest.raises(ValueError, match="solutions"):
        Sandbox(packages=[str(tmp_path)], secrets=[str(tmp_path / "solutions")])


def test_code_runs_as_an_unprivileged_user_without_capabilities():
    out = inside("""
        status = open('/proc/self/status').read().splitlines()
        out['uid'] = os.getuid()
        out['caps'] = [l.split()[1] for l in status if l.startswith(('CapEff', 'CapPrm'))]
        out['nnp'] = [l.split()[1] for l in status if l.startswith('NoNewPrivs')]
        out['groups'] = os.getgroups()
    """)
    assert out["uid"] != 0 and out["uid"] != os.getuid() or os.getuid() != 0
    assert all(int(c, 16) == 0 for c in out["caps"]) and out["nnp"] == ["1"]
    assert 0 not in out["groups"]


def test_its_own_pid_namespace_hides_the_grader():
    os.environ["GD_TEST_SECRET"] = SECRET
    try:
        out = inside(f"""
            needle = {SECRET[::-1]!r}[::-1]  # not in this program's text
            out['pids'] = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())
            try:
                os.kill({os.getpid()}, 0)
                out['grader'] = 'visible'
            except ProcessLookupError:
                out['grader'] = 'invisible'
            found = []
            for p in out['pids']:
                for f in ('environ', 'cmdline'):
                    try:
                        if needle.encode() in open(f'/proc/{{p}}/{{f}}', 'rb').read():
                            found.append((p, f))
                    except OSError:
                        pass
            out['secret'] = found + [k for k, v in os.environ.items() if needle in v]
        """)
    finally:
        del os.environ["GD_TEST_SECRET"]
    assert max(out["pids"]) < 10, out["pids"]
    assert out["grader"] == "invisible" and out["secret"] == []


def test_the_filesystem_shows_python_and_the_packages_read_only_and_nothing_else(tmp_path):
    course = tmp_path / "course"
    for folder in ("gdlib", "solutions", "submitted/other/ex", "autograded"):
        (course / folder).mkdir(parents=True)
    (course / "gdlib" / "__init__.py").write_text("X = 1\n")
    (course / "gradebook.db").write_text("grades")
    (tmp_path / "hostfile").write_text("host")
    out = inside(f"""
        course = {str(course)!r}
        out['seen'] = sorted(os.listdir(course)) if os.path.isdir(course) else None
        out['root'] = os.listdir('/root') if os.path.isdir('/root') else []
        out['home'] = [p for p in ('/root/.ssh', '/home', '/root/.bashrc', '/root/.cache',
                                   {str(tmp_path / "hostfile")!r}, '/work/main/solutions',
                                   '/var/run', '/etc/shadow')
                       if os.path.exists(p)]
        def write(path):
            try:
                open(path, 'w').write('x')
                return 'written'
            except OSError as err:
                return err.strerror
        out['write'] = {{p: write(p) for p in (course + '/gdlib/evil.py', sys.prefix + '/evil.pth',
                                              os.path.dirname(os.__file__) + '/evil.py',
                                              '/usr/evil', '/evil', os.environ['HOME'] + '/ok',
                                              '/tmp/ok')}}
        import gdlib
        out['import'] = gdlib.X
    """, packages=[str(course / "gdlib")], secrets=[str(course / "solutions")])
    assert out.get("seen") == ["gdlib"], out
    assert out["home"] == []
    assert set(out["root"]) <= {".pyenv"}  # only where this machine's Python lives
    w = out["write"]
    assert w[f"{course}/gdlib/evil.py"] == "Read-only file system"
    assert all(v != "written" for k, v in w.items() if not k.endswith("/ok")), w
    assert w[f"{bwrap.HOME}/ok"] == "written" and w["/tmp/ok"] == "written"
    assert out["import"] == 1
    assert not (course / "gdlib" / "evil.py").exists()


def test_tmp_is_private_and_the_writable_folder_has_a_size_cap():
    before = set(os.listdir("/tmp"))
    out = inside("""
        open('/tmp/marker-gd', 'w').write('x')
        written = 0
        try:
            with open(os.environ['HOME'] + '/fill', 'wb') as f:
                for _ in range(100):
                    f.write(b'x' * 2**20)
                    written += 2**20
                    f.flush()
        except OSError as err:
            out['error'] = err.strerror
        out['written'] = written
    """, limits=Limits(disk=8 * 2**20))
    assert out["error"] == "No space left on device"
    assert 6 * 2**20 <= out["written"] <= 8 * 2**20
    assert "marker-gd" not in set(os.listdir("/tmp")) - before


def test_there_is_no_network_not_even_the_hosts_loopback_or_abstract_sockets():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    abstract = socket.socket(socket.AF_UNIX)
    name = f"\0gd-test-{os.getpid()}"
    abstract.bind(name)
    abstract.listen()
    try:
        out = inside(f"""
            import socket
            out['interfaces'] = [l.split(':')[0].strip()
                                 for l in open('/proc/net/dev').read().splitlines()[2:]]
            def attempt(family, address):
                s = socket.socket(family)
                s.settimeout(2)
                try:
                    s.connect(address)
                    return 'connected'
                except OSError as err:
                    return type(err).__name__
            out['tcp'] = attempt(socket.AF_INET, ('127.0.0.1', {server.getsockname()[1]}))
            out['abstract'] = attempt(socket.AF_UNIX, {name!r})
            out['outside'] = attempt(socket.AF_INET, ('1.1.1.1', 80))
        """)
    finally:
        server.close()
        abstract.close()
    assert out["interfaces"] == ["lo"]
    assert out["tcp"] != "connected" and out["abstract"] != "connected"
    assert out["outside"] != "connected"


def test_process_limit_stops_a_fork_bomb():
    out = inside("""
        import time
        n = 0
        for _ in range(100):
            try:
                pid = os.fork()
            except OSError as err:
                out['error'] = err.strerror
                break
            if pid == 0:
                time.sleep(3)
                os._exit(0)
            n += 1
        out['forked'] = n
    """, limits=Limits(processes=20))
    assert out["forked"] < 20 and out["error"] == "Resource temporarily unavailable"


def test_memory_file_size_and_cpu_limits():
    out = inside("""
        try:
            hog = bytearray(400 * 2**20)
            out['memory'] = 'allocated'
        except MemoryError:
            out['memory'] = 'MemoryError'
        try:
            with open('big', 'wb') as f:
                f.write(b'x' * 3 * 2**20)
            out['fsize'] = 'written'
        except OSError as err:
            out['fsize'] = err.strerror
        import resource
        out['cpu'] = resource.getrlimit(resource.RLIMIT_CPU)
    """, limits=Limits(memory=256 * 2**20, file_size=2**20, cpu=2))
    assert out["memory"] == "MemoryError"
    assert out["fsize"] == "File too large"
    assert out["cpu"] == [2, 2]
    busy = inside("while True:\n    pass\n", limits=Limits(cpu=1), timeout=30)
    assert busy["returncode"] != 0  # killed by SIGXCPU / SIGKILL after one CPU second


def test_no_new_user_namespace_and_no_keyrings():
    out = inside("""
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        out['unshare'] = libc.unshare(0x10000000)  # CLONE_NEWUSER
        out['keyctl'] = libc.syscall(250, 0, -3, 0) if os.uname().machine == 'x86_64' else -1
        import subprocess
        out['subprocess'] = subprocess.run(['true']).returncode  # clone3 falls back to clone
    """)
    assert out["unshare"] == -1 and out["keyctl"] == -1 and out["subprocess"] == 0


def test_nothing_survives_the_sandbox():
    code = textwrap.dedent("""
        import os, time, subprocess
        for _ in range(5):  # daemons: double fork, new session, ignore SIGHUP
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(300)
                os._exit(0)
        subprocess.Popen(['sleep', '300'], start_new_session=True)
        print('ready', flush=True)
        time.sleep(1)
    """)
    with Sandbox() as sb:
        proc = sb.popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        ns = pid_namespace(proc.pid)
        assert len(in_namespace(ns)) >= 7  # bwrap's init, python, 5 daemons, sleep
        proc.wait(timeout=30)
        assert wait_gone(ns) == []


def test_killing_bubblewrap_kills_everything_inside():
    with Sandbox() as sb:
        proc = sb.popen([sys.executable, "-c",
                         "import os, time\nfor _ in range(3):\n    os.fork()\n"
                         "print('ready', flush=True)\ntime.sleep(300)\n"],
                        stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        ns = pid_namespace(proc.pid)
        deadline = time.monotonic() + 5
        while len(in_namespace(ns)) < 9 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(in_namespace(ns)) >= 9  # bwrap's init and 8 pythons
        kill(proc.pid)
        proc.wait()
        assert wait_gone(ns) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="cgroups need root here")
def test_a_cgroup_bounds_all_processes_together_where_the_grader_may_make_one():
    limits = Limits(total_memory=300 * 2**20, memory=200 * 2**20, processes=40)
    out = inside("""
        import time
        kids = []
        for _ in range(4):  # four processes of 150 MB: each under RLIMIT_AS, together over
            pid = os.fork()
            if pid == 0:
                try:
                    hog = bytearray(150 * 2**20)
                    for i in range(0, len(hog), 4096):
                        hog[i] = 1
                    time.sleep(2)
                finally:
                    os._exit(0)
            kids.append(pid)
        out['status'] = [os.waitpid(k, 0)[1] for k in kids]
    """, limits=limits, cgroup=True)
    assert any(s != 0 for s in out["status"]), out  # the memory cgroup killed at least one


def test_the_home_folder_starts_with_the_submissions_files_but_no_notebook(tmp_path):
    (tmp_path / "data.csv").write_text("1,2\n")
    (tmp_path / "ex.ipynb").write_text("{}")
    out = inside("out['files'] = sorted(os.listdir('.'))\nout['cwd'] = os.getcwd()",
                 files=str(tmp_path))
    assert out["files"] == ["data.csv"] and out["cwd"] == bwrap.HOME


def test_the_repository_packages_are_importable_but_not_the_course_folder():
    if not (REPO / "gdlib").is_dir():
        pytest.skip("no course repository")
    out = inside(f"""
        import gdlib, numpy
        out['gdlib'] = gdlib.__file__
        out['listing'] = sorted(os.listdir({str(REPO)!r}))
    """, packages=[str(REPO / "gdlib"), str(REPO / "gdcourse")],
        secrets=[str(REPO / "solutions")])
    assert out["gdlib"].startswith(str(REPO))
    assert set(out["listing"]) <= {"gdcourse", "gdlib", ".venv"}  # the venv lives there too
    assert "solutions" not in out["listing"]


def test_the_shared_folder_is_private_to_the_grader():
    with Sandbox() as sb:
        mode = os.stat(sb.rundir).st_mode
        assert stat.S_IMODE(mode) == 0o700
        owner = os.stat(sb.rundir).st_uid
        assert owner == (sb.uid if sb.root_mode else os.getuid())


def test_sandbox_start_is_fast():
    times = []
    for _ in range(3):
        t = time.monotonic()
        with Sandbox() as sb:
            assert sb.run(["true"]).returncode == 0
        times.append(time.monotonic() - t)
    print(f"\nsandbox start and exit of `true`: {min(times) * 1000:.0f} ms")
    assert min(times) < 1.0
