"""Hostile learner code in the sandbox cannot change a grade or harm the judge.

Each case runs attacking code in a learner's cell of a fresh sandboxed kernel, then judges the
fake exercise's test (``TEST_MSE``) against a *wrong* ``mse`` (it must still fail, with the
message a clean run gives) or a right one (it must still pass), and checks that the grader and
the host are as they were. Output floods and huge displays in the learner's own cells are in
``test_execute.py`` (they go through nbgrader's output handling).
"""

from __future__ import annotations

import os
import resource
import socket
import threading
import time

import numpy as np
import pytest
from sandboxed import SandboxedKernel, wait_gone
from test_judge import MSE, TEST_MSE, local

from gdcourse.grading.sandbox.bwrap import Limits
from gdcourse.grading.sandbox.proxy import KernelLost

WRONG = MSE["sum"]
RIGHT = MSE["correct"]
EXPECTED_WRONG = local("import numpy as np\n" + WRONG, TEST_MSE)


@pytest.fixture
def kernel():
    k = SandboxedKernel(limits=Limits(processes=32, disk=32 * 2**20), call_timeout=5)
    yield k
    ns = k.pidns
    k.close()
    assert wait_gone(ns) == [], "a process of the sandbox outlived it"


def grade(kernel: SandboxedKernel, mse_code: str = WRONG):
    kernel.run("import numpy as np\n" + mse_code)
    outs = kernel.test(TEST_MSE)
    text = "".join(o["text"] for o in outs
                   if o["output_type"] == "stream" and o["name"] == "stdout")
    error = next(((o["ename"], o["evalue"]) for o in outs if o["output_type"] == "error"),
                 None)
    return text, error


def attack(kernel: SandboxedKernel, code: str) -> dict:
    return kernel.run(code)


def test_patching_numpy_in_the_kernel_changes_nothing_in_the_judge(kernel):
    attack(kernel, "import numpy as np\nnp.allclose = lambda *a, **k: True\n"
                   "np.asarray = lambda a, **k: a\nnp.mean = lambda *a, **k: 0.0\n")
    assert grade(kernel) == EXPECTED_WRONG
    assert np.allclose(1.0, 2.0) is False  # the judge's numpy is its own


def test_rewriting_the_checks_in_the_kernel_changes_nothing(kernel):
    attack(kernel, """
import sys, types
fake = types.ModuleType('fakechecks')
fake.call = lambda f, *a, **k: None
fake.expect_array = lambda *a, **k: None
sys.modules['fakechecks'] = fake
try:
    from gdcourse.learner import checks
    vars(checks)['expect_number'] = lambda *a, **k: None
    vars(checks)['_guard'] = lambda: None
except ImportError:
    pass
""")
    assert grade(kernel) == EXPECTED_WRONG


def test_an_input_transformer_cannot_rewrite_a_test_cell(kernel):
    kernel.run("import numpy as np\n" + WRONG)
    attack(kernel, """
ip = get_ipython()
ip.input_transformers_cleanup.append(lambda lines: ['print("mse passed")\\n'])
ip.events.register('pre_run_cell', lambda *a: None)
import builtins
builtins.AssertionError = Exception
""")
    # in the kernel, every later cell is now rewritten ...
    assert kernel.run("1 / 0")["stdout"] == "mse passed\n"
    # ... but the test cell runs in the judge
    outs = kernel.test(TEST_MSE)
    assert (outs[-1]["ename"], outs[-1]["evalue"]) == EXPECTED_WRONG[1]


def test_killing_its_parents_hurts_only_itself(kernel):
    grader = os.getpid()
    attack(kernel, f"""
import os, signal
for pid in ({grader}, os.getppid(), 1):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as err:
        print(pid, err.strerror)
""")
    assert os.getpid() == grader  # still here
    try:
        result = grade(kernel, RIGHT)
    except KernelLost:
        result = "lost"
    assert result in ("lost", ("mse passed\n", None))


def test_proc_shows_nothing_of_the_grader_and_no_secret_leaks(kernel, monkeypatch, tmp_path):
    monkeypatch.setenv("GD_INSTRUCTOR_TOKEN", "tok-" + "9" * 12)
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / "hidden.txt").write_text("BEGIN HIDDEN TESTS")
    attack(kernel, f"""
import os, glob
needle = '9' * 12
FOUND = []
for p in glob.glob('/proc/[0-9]*'):
    for f in ('environ', 'cmdline', 'maps'):
        try:
            if needle in open(p + '/' + f, errors='replace').read():
                FOUND.append(p + '/' + f)
        except OSError:
            pass
FOUND += [k for k, v in os.environ.items() if needle in v]
FOUND += [p for p in ({str(tmp_path)!r}, {str(tmp_path / "solutions")!r},
                     '/proc/{os.getpid()}') if os.path.exists(p)]
""")
    assert kernel.judge.namespace["FOUND"] == []
    kernel.remote.end()


def test_writing_outside_its_folder_fails_and_leaves_the_host_as_it_was(kernel):
    import numpy
    site = os.path.dirname(os.path.dirname(numpy.__file__))
    before = set(os.listdir(site))
    out = attack(kernel, f"""
import os, numpy
targets = [{site!r} + '/evil.pth', os.path.dirname(numpy.__file__) + '/evil.py',
           '/usr/lib/evil', '/etc/evil', '/evil']
for t in targets:
    try:
        open(t, 'w').write('import os; os.system("rm -rf /")')
        print('WROTE', t)
    except OSError as err:
        pass
os.symlink('/etc/shadow', '/run/kernel/kernel.log.link')
os.replace('/run/kernel/kernel.log.link', '/run/kernel/kernel.log')
""")
    assert "WROTE" not in out["stdout"]
    assert set(os.listdir(site)) == before
    assert "root:" not in kernel.km.kernel_log()  # a link left in the shared folder: not followed
    assert grade(kernel) == EXPECTED_WRONG


@pytest.mark.skipif(os.geteuid() != 0, reason="as an ordinary user the sandbox's user is the "
                    "grader's own: the folder cannot be given back")
def test_the_kernels_sockets_cannot_be_replaced_once_it_runs(kernel):
    before = sorted(os.listdir(kernel.km.sandbox.rundir))
    out = attack(kernel, """
import os
for change in (lambda: os.symlink('/etc/passwd', '/run/kernel/link'),
               lambda: os.rename('/run/kernel/kernel.json', '/run/kernel/moved'),
               lambda: [os.unlink(f'/run/kernel/{n}') for n in os.listdir('/run/kernel')]):
    try:
        change()
        print('CHANGED')
    except OSError as err:
        print(type(err).__name__)
""")
    assert "CHANGED" not in out["stdout"] and "PermissionError" in out["stdout"]
    assert sorted(os.listdir(kernel.km.sandbox.rundir)) == before
    assert grade(kernel) == EXPECTED_WRONG


def test_no_socket_reaches_the_grader(kernel):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    got = []
    threading.Thread(target=lambda: got.append(_accept(server)), daemon=True).start()
    out = attack(kernel, f"""
import socket
for family, address in [(socket.AF_INET, ('127.0.0.1', {server.getsockname()[1]})),
                        (socket.AF_INET6, ('::1', {server.getsockname()[1]}))]:
    try:
        socket.create_connection(address, timeout=1).sendall(b'hidden tests please')
        print('CONNECTED')
    except OSError as err:
        print(type(err).__name__)
""")
    time.sleep(0.6)
    server.close()
    assert "CONNECTED" not in out["stdout"] and got in ([], [None])


def _accept(server):
    try:
        return server.accept()
    except OSError:
        return None


def test_a_fork_bomb_is_bounded_and_nothing_survives(kernel):
    out = attack(kernel, """
import os, time
n = 0
for _ in range(100):
    try:
        if os.fork() == 0:
            os.setsid()
            time.sleep(600)
            os._exit(0)
        n += 1
    except OSError:
        break
print(n)
""")
    assert int(out["stdout"]) < 32
    assert grade(kernel, RIGHT) == ("mse passed\n", None)
    # the fixture checks that all of them are gone once the kernel is shut down


def test_filling_the_disk_stops_at_its_cap(kernel):
    out = attack(kernel, """
import os
written = 0
for folder in (os.environ['HOME'], '/tmp'):
    try:
        with open(folder + '/fill', 'wb') as f:
            while True:
                f.write(b'x' * 2**20)
                written += 2**20
    except OSError as err:
        print(err.strerror)
print(written)
""")
    assert "No space left on device" in out["stdout"]
    assert int(out["stdout"].split()[-1]) <= 32 * 2**20
    rundir = kernel.km.sandbox.rundir
    assert sum(f.stat().st_size for f in __import__("pathlib").Path(rundir).rglob("*")
               if f.is_file()) < 2**20
    assert grade(kernel, RIGHT) == ("mse passed\n", None)


def test_a_learner_result_too_large_or_too_deep_fails_the_test_not_the_judge(kernel):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kernel.run("import numpy as np\n"
               "def mse(pred, target):\n    return np.zeros(200 * 2**20 // 8)\n"
               "def deep(*a):\n    x = []\n    for _ in range(10_000):\n        x = [x]\n"
               "    return x\n")
    outs = kernel.test(TEST_MSE)
    assert outs[-1]["output_type"] == "error" and "ResultTooLarge" in outs[-1]["evalue"]
    outs = kernel.test("print(deep())")
    assert outs[-1]["output_type"] == "error"
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
    assert grown < 100 * 1024, f"the judge grew by {grown} kB"


def test_replacing_the_server_only_fails_its_own_tests(kernel):
    kernel.run("import numpy as np\n" + RIGHT)
    attack(kernel, "get_ipython().kernel.shell_handlers['gd_judge_request'] = "
                   "lambda *a: None\n")
    try:
        outs = kernel.test(TEST_MSE)
    except KernelLost as err:  # the server, unreferenced, closed its end of the line
        outs = err.outputs
    assert outs[-1]["output_type"] == "error"


def test_a_server_that_lies_on_the_wire_loses_its_kernel_not_the_grade(kernel):
    attack(kernel, """
import gc, socket
from gdcourse.grading.sandbox import server as s
srv = next(o for o in gc.get_objects() if isinstance(o, s.Server))
def answer(doc, buffers):
    srv.sock.sendall(b'\\xff' * 64)  # not a message
    return {}, []
srv.answer = answer
""")
    with pytest.raises(KernelLost):
        grade(kernel, RIGHT)


def test_a_call_that_ignores_the_interrupt_loses_the_kernel_in_bounded_time(kernel):
    kernel.run("def mse(pred, target):\n    while True:\n        try:\n"
               "            while True:\n                pass\n"
               "        except KeyboardInterrupt:\n            pass\n")
    t = time.monotonic()
    with pytest.raises(KernelLost) as err:
        kernel.test(TEST_MSE, timeout=1)
    assert time.monotonic() - t < 10
    assert err.value.outputs[-1]["ename"] == "CellTimeout"


def test_a_repr_that_never_returns_is_interrupted(kernel):
    kernel.run("class Odd:\n    def __repr__(self):\n        while True:\n            pass\n"
               "def make():\n    return Odd()\n")
    outs = kernel.test("print(repr(make()))", timeout=1)
    assert outs[-1]["ename"] == "CellTimeout"
    assert grade(kernel, RIGHT) == ("mse passed\n", None)
