"""A fake exercise judged through the proxies gives the results of running it locally.

The learner's cells run in a sandboxed kernel; the test cells run in the judge (this process),
where the learner's names are proxies. Each case runs the same learner code and the same test
code twice, once in one local namespace (as a kernel did before) and once judged, and compares
what the test printed and the error it raised.
"""

from __future__ import annotations

import contextlib
import io
import time

import numpy as np
import pytest
from sandboxed import PACKAGES, SandboxedKernel

from gdcourse.grading.sandbox.proxy import LearnerError, RemoteClass, RemoteObject


@pytest.fixture(scope="module")
def kernel():
    k = SandboxedKernel()
    yield k
    k.close()


def local(learner: str, test: str):
    ns = {"__name__": "__main__"}
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        exec(learner, ns)
        try:
            exec(test, ns)
        except Exception as err:  # noqa: BLE001
            error = (type(err).__name__, str(err))
    return out.getvalue(), error


def judged(kernel: SandboxedKernel, learner: str, test: str):
    ran = kernel.run(learner)
    assert ran["error"] is None, ran
    outs = kernel.test(test)
    text = "".join(o["text"] for o in outs
                   if o["output_type"] == "stream" and o["name"] == "stdout")
    error = next(((o["ename"], o["evalue"]) for o in outs if o["output_type"] == "error"),
                 None)
    return text, error


TEST_MSE = """
import numpy as np
import fakechecks as checks
p = np.array([[0.5, -1.0], [2.0, 0.0]])
t = np.array([[0.0, 1.0], [1.0, 1.0]])
value = checks.call(mse, p, t)
checks.expect_array(value, np.mean((p - t) ** 2), name="mse")
print("mse passed")
"""
MSE = {
    "correct": "def mse(pred, target):\n    return np.mean((pred - target) ** 2)\n",
    "sum": "def mse(pred, target):\n    return np.sum((pred - target) ** 2)\n",
    "in_place": "def mse(pred, target):\n    pred -= target\n    return np.mean(pred ** 2)\n",
    "stub": "def mse(pred, target):\n    raise NotImplementedError()\n",
    "crash": "def mse(pred, target):\n    raise ValueError('shapes ' + str(pred.shape))\n",
    "none": "def mse(pred, target):\n    print('computing')\n",
    "python_float": "def mse(pred, target):\n    return float(np.mean((pred - target) ** 2))\n",
    "prints": "def mse(pred, target):\n    print('hello', pred.shape)\n"
              "    return np.mean((pred - target) ** 2)\n",
}

TEST_SGD = """
import numpy as np
import fakechecks as checks

class Reference:
    def __init__(self, params, lr):
        self.params, self.lr = list(params), lr
    def step(self, grads):
        for p, g in zip(self.params, grads):
            p -= self.lr * g

def grad(params):
    return [2.0 * p for p in params]

checks.expect_optimizer(SGD, Reference, name="SGD", params=[[1.0, -2.0], [[0.5], [3.0]]],
                        grad=grad, lr=0.1)
print("SGD passed")
"""
SGD = {
    "correct": """
class SGD:
    def __init__(self, params, lr):
        self.params, self.lr, self.t = list(params), lr, 0
    def step(self, grads):
        self.t += 1
        for p, g in zip(self.params, grads):
            p -= self.lr * g
""",
    "rebinds": """
class SGD:
    def __init__(self, params, lr):
        self.params, self.lr, self.t = list(params), lr, 0
    def step(self, grads):
        self.t += 1
        for p, g in zip(self.params, grads):
            p = p - self.lr * g
""",
    "copies": """
class SGD:
    def __init__(self, params, lr):
        self.params, self.lr, self.t = [p.copy() for p in params], lr, 0
    def step(self, grads):
        self.t += 1
        for p, g in zip(self.params, grads):
            p -= self.lr * g
""",
    "wrong_rate": """
class SGD:
    def __init__(self, params, lr):
        self.params, self.lr, self.t = list(params), lr, 0
    def step(self, grads):
        self.t += 1
        for p, g in zip(self.params, grads):
            p -= 2 * self.lr * g
""",
    "mutates_grads": """
class SGD:
    def __init__(self, params, lr):
        self.params, self.lr, self.t = list(params), lr, 0
    def step(self, grads):
        self.t += 1
        for p, g in zip(self.params, grads):
            g *= self.lr
            p -= g
""",
    "forgets_t": """
class SGD:
    def __init__(self, params, lr):
        self.params, self.lr, self.t = list(params), lr, 0
    def step(self, grads):
        for p, g in zip(self.params, grads):
            p -= self.lr * g
""",
}


@pytest.mark.parametrize("variant", sorted(MSE))
def test_a_function_judged_gives_the_local_result(kernel, variant):
    learner = "import numpy as np\n" + MSE[variant]
    assert judged(kernel, learner, TEST_MSE) == local(learner, TEST_MSE)


@pytest.mark.parametrize("variant", sorted(SGD))
def test_an_optimizer_updating_arrays_in_place_judged_gives_the_local_result(kernel, variant):
    learner = "import numpy as np\n" + SGD[variant]
    expected = local(learner, TEST_SGD)
    assert judged(kernel, learner, TEST_SGD) == expected
    assert (expected[1] is None) == (variant == "correct")


def test_arrays_keep_identity_and_in_place_changes_both_ways(kernel):
    kernel.run("import numpy as np\n"
               "class Box:\n    def __init__(self, a):\n        self.a = a\n"
               "    def bump(self):\n        self.a += 1\n        return self.a\n"
               "def same(x, y):\n    return x is y\n"
               "numpy_of_the_learner = np\n")
    ns = kernel.judge.namespace
    a = np.zeros(3)
    box = ns["Box"](a)
    assert box.a is a                     # the judge's own array comes back
    assert ns["same"](a, a) is True       # one array, one object in the kernel
    a[0] = 5.0                            # changed here ...
    assert box.bump() is a                # ... seen there, and the +1 written back here
    np.testing.assert_array_equal(a, [6.0, 1.0, 1.0])
    made = ns["numpy_of_the_learner"]     # the learner's numpy: a proxy of its module
    assert isinstance(made, RemoteObject) and made.pi == np.pi
    kernel.remote.end()


@pytest.mark.parametrize("shape", [(0,), (0, 3), (2, 0, 4), ()])
def test_empty_and_zero_dimensional_arrays_travel_both_ways(kernel, shape):
    kernel.run("import numpy as np\n"
               "def size_of(a, b):\n    return a.size + b.size, a.shape\n"
               "def bump(a):\n    a += 1\n")
    ns = kernel.judge.namespace
    a = np.zeros(shape)
    assert ns["size_of"](a, a.copy()) == (2 * a.size, shape)  # relative_error([], [])
    ns["bump"](a)
    np.testing.assert_array_equal(a, np.ones(shape))
    kernel.remote.end()


def test_results_of_every_plain_type(kernel):
    kernel.run("import numpy as np\n"
               "def many():\n"
               "    return (1, 2.5, 'text', True, None, [1, [2]], {'k': np.arange(3)},"
               " np.float64(0.5), 1 + 2j, float('nan'))\n")
    got = kernel.judge.namespace["many"]()
    kernel.remote.end()
    assert got[:7] == (1, 2.5, "text", True, None, [1, [2]], got[6])
    np.testing.assert_array_equal(got[6]["k"], [0, 1, 2])
    assert type(got[7]) is np.float64 and got[8] == 1 + 2j and np.isnan(got[9])


def test_objects_classes_attributes_and_protocols(kernel):
    kernel.run("class Bag:\n"
               "    def __init__(self, items):\n        self.items = list(items)\n"
               "    def __len__(self):\n        return len(self.items)\n"
               "    def __getitem__(self, i):\n        return self.items[i]\n"
               "    def __contains__(self, x):\n        return x in self.items\n"
               "    def __repr__(self):\n        return f'Bag({self.items})'\n")
    ns = kernel.judge.namespace
    Bag = ns["Bag"]
    assert isinstance(Bag, RemoteClass)
    bag = Bag([3, 4, 5])
    assert isinstance(bag, Bag) and not isinstance(3, Bag)
    assert len(bag) == 3 and bag[1] == 4 and 5 in bag and list(bag) == [3, 4, 5]
    assert repr(bag) == "Bag([3, 4, 5])" and bag[1:] == [4, 5]
    bag.extra = "set from the judge"
    assert bag.extra == "set from the judge"
    with pytest.raises(AttributeError):
        bag.missing  # noqa: B018
    assert getattr(bag, "missing", None) is None
    import inspect
    assert list(inspect.signature(Bag).parameters) == ["items"]
    kernel.remote.end()


def test_exceptions_come_back_by_type_with_the_learners_frames(kernel):
    kernel.run("def stub():\n    raise NotImplementedError()\n"
               "def bad(x):\n    return helper(x)\n"
               "def helper(x):\n    raise KeyError(x)\n"
               "def leave():\n    raise SystemExit(3)\n"
               "class Mine(Exception):\n    pass\n"
               "def own():\n    raise Mine('custom')\n")
    ns = kernel.judge.namespace
    with pytest.raises(NotImplementedError):
        ns["stub"]()
    with pytest.raises(KeyError) as err:
        ns["bad"]("k")
    assert isinstance(err.value, LearnerError) and "in helper" in err.value.remote_traceback
    with pytest.raises(LearnerError) as err:  # never a SystemExit in the grader
        ns["leave"]()
    assert type(err.value).__name__ == "SystemExit" and isinstance(err.value, Exception)
    with pytest.raises(LearnerError, match="custom") as err:
        ns["own"]()
    assert type(err.value).__name__ == "Mine"
    with pytest.raises(KeyError):
        ns["not_defined_anywhere"]
    kernel.remote.end()


def test_learner_names_never_shadow_the_builtins_of_a_test(kernel):
    """In one kernel a learner's `len = ...` would change the tests; here it cannot."""
    kernel.run("len = lambda x: 0\nisinstance = lambda *a: True\nprint = None\n")
    outs = kernel.test("print(len([1, 2]), isinstance(1, str))\n")
    kernel.run("del len, isinstance, print\n")
    assert outs == [{"output_type": "stream", "name": "stdout", "text": "2 False\n"}]


def test_callbacks_see_the_learners_in_place_changes(kernel):
    """numerical_gradient perturbs x in place and calls f, which reads x through a closure."""
    learner = """
import numpy as np
def numerical_gradient(f, x, eps=1e-6):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f(x)
        x[i] = old - eps
        down = f(x)
        x[i] = old
        g[i] = (up - down) / (2 * eps)
    return g
"""
    test = """
import numpy as np
w = np.array([[0.5, -1.0], [2.0, 0.3]])
def loss_of_w(_):  # ignores its argument: reads w, which the learner perturbs in place
    return float(np.sum(np.tanh(w) ** 2))
g = numerical_gradient(loss_of_w, w)
print(np.round(g, 5).tolist(), np.allclose(g, 2 * np.tanh(w) * (1 - np.tanh(w) ** 2)))
"""
    assert judged(kernel, learner, test) == local(learner, test)
    assert "True" in local(learner, test)[0]


def test_an_object_the_test_lends_is_used_through_its_methods_and_data(kernel):
    """check_network(net, ...) of ex02: the learner runs the test's network (a subclass the
    test defines, with a planted bug) forward and backward and perturbs its parameters."""
    learner = """
import numpy as np
def check_network(net, x):
    out = net(x)
    net.backward(np.ones_like(out))
    grads = [g.copy() for g in net.gradients()]
    p = net.parameters()[0]
    p[0] += 1e-3
    up = float(np.sum(net(x)))
    p[0] -= 1e-3
    return grads, up, [type(layer).__name__ for layer in net.layers], net.scale
"""
    test = """
import numpy as np
class Net:  # the test's own class: its code runs in the judge
    scale = 2.0
    def __init__(self):
        self.w = np.array([1.0, -2.0])
        self.layers = [self]
    def __call__(self, x):
        return self.scale * self.w * x
    def backward(self, g):
        self.dw = self.scale * g
    def gradients(self):
        return [self.dw]
    def parameters(self):
        return [self.w]
net = Net()
grads, up, layers, scale = check_network(net, np.array([3.0, 4.0]))
print([g.tolist() for g in grads], round(up, 6), net.w.tolist(), scale)
"""
    assert judged(kernel, learner, test) == local(learner, test)


@pytest.mark.parametrize("reach", ["net._secret", "net.np.load", "net.kind", "net.helper",
                                   "net.method.__func__"])
def test_a_lent_object_gives_no_module_class_private_or_foreign_function(kernel, reach):
    kernel.run(f"def peek(net):\n    return {reach}\n")
    test = """
import numpy as np
class Net:
    def __init__(self):
        self._secret, self.np, self.kind, self.helper = 'hidden', np, Net, print
    def __call__(self, x):
        return x
    def method(self):
        return 1
peek(Net())
"""
    text, error = judged(kernel, "", test)
    assert error is not None and "hidden" not in str(error), error


def test_random_generators_travel_with_their_state(kernel):
    learner = "import numpy as np\ndef init(n, rng):\n    return rng.normal(size=n)\n"
    test = ("import numpy as np\nrng = np.random.default_rng(7)\na = init(3, rng)\n"
            "print(np.round(a, 6).tolist(), np.round(rng.normal(), 6))\n")
    assert judged(kernel, learner, test) == local(learner, test)


@pytest.mark.skipif(not PACKAGES, reason="needs gdlib")
def test_library_dataclasses_come_back_as_the_judges_own(kernel):
    kernel.run("import numpy as np\nfrom gdlib.gradcheck import gradient_check\n"
               "def check(x):\n    return gradient_check(lambda v: float(np.sum(v ** 2)), x,"
               " 2 * x)\n")
    import gdlib.gradcheck
    res = kernel.judge.namespace["check"](np.array([1.0, 2.0]))
    kernel.remote.end()
    assert isinstance(res, gdlib.gradcheck.GradCheckResult) and res.passed


def test_substitute_rebinds_a_learners_helper_for_the_duration(kernel):
    kernel.run("def helper():\n    return 'mine'\ndef task():\n    return helper()\n")
    ns = kernel.judge.namespace
    import fakechecks  # noqa: F401
    ns.update(helper=len)  # what checks.substitute(globals(), helper=...) does
    try:
        with pytest.raises(TypeError):  # the learner's task now calls len(), without argument
            ns["task"]()
    finally:
        ns.pop("helper", None)
    assert ns["task"]() == "mine"
    kernel.remote.end()


def test_a_call_that_runs_too_long_is_interrupted_and_the_kernel_goes_on(kernel):
    kernel.run("def forever():\n    while True:\n        pass\n"
               "def fine():\n    return 42\n")
    t = time.monotonic()
    outs = kernel.test("forever()\n", timeout=1.0)
    assert outs[-1]["ename"] == "CellTimeout" and time.monotonic() - t < 5
    assert kernel.test("print(fine())\n") == [
        {"output_type": "stream", "name": "stdout", "text": "42\n"}]


def test_printing_in_a_called_function_is_capped(kernel):
    kernel.run("def loud():\n    for _ in range(100):\n        print('x' * 100_000)\n"
               "    return 1\n")
    outs = kernel.test("print(loud())\n")
    size = sum(len(o.get("text", "")) for o in outs)
    assert size < 250_000, size  # 100 kB kept in the kernel, 100 kB per cell in the judge
    assert any("output cut" in o.get("text", "") for o in outs)


def test_per_call_overhead(kernel):
    kernel.run("def identity(x):\n    return x\n")
    ns = kernel.judge.namespace
    f = ns["identity"]
    x = np.ones((10, 10))
    f(x)
    n = 200
    t = time.monotonic()
    for _ in range(n):
        f(1.0)
    scalar = (time.monotonic() - t) / n
    t = time.monotonic()
    for _ in range(n):
        f(x)
    array = (time.monotonic() - t) / n
    kernel.remote.end()
    print(f"\nper call through the sandbox: {scalar * 1e3:.2f} ms (a float), "
          f"{array * 1e3:.2f} ms (a 10x10 array, registered)")
    assert scalar < 0.05


def test_what_the_learners_code_prints_during_hidden_tests_is_not_shown(kernel):
    kernel.run("def show(x):\n    print('got', x)\n    return x\n")
    outs = kernel.test("show('public input')\n### BEGIN HIDDEN TESTS\nshow('hidden input 17')\n"
                       "### END HIDDEN TESTS\nprint('done')\n")
    text = "".join(o.get("text", "") for o in outs)
    assert "got public input" in text and "done" in text
    assert "hidden input 17" not in text and "not shown" in text


# -- the course's own checks: what a test forbids, wherever it lives ---------------------------

CHECKS = "import numpy as np\nfrom gdcourse.learner import checks\n"
NORM = "checks.call(size, np.array([3.0, 4.0]), forbid=[np.linalg.norm])\n"


@pytest.mark.parametrize("code, refused", [
    ("def size(x):\n    return float(np.sqrt(np.sum(x ** 2)))\n", False),
    ("def size(x):\n    return float(np.linalg.norm(x))\n", True),        # named: read
    ("def size(x):\n    return float(getattr(np.linalg, 'no' + 'rm')(x))\n", True),  # at run time
])
def test_an_object_no_gdlib_module_holds_is_refused_as_the_checks_refuse_it(kernel, code,
                                                                           refused):
    """A numpy function (or a model of the course's mistakes) is forbidden by the check's own
    list: found by reading the learner's cells, or by a tripwire in the kernel at run time, and
    refused with the check's own ReferenceUsed and words."""
    kernel.run(CHECKS)
    kernel.judge.run_trusted(CHECKS)
    text, error = judged(kernel, code, NORM)
    if refused:
        assert error[0] == "ReferenceUsed", error
        assert "size uses numpy.linalg" in error[1] and "reference implementation" in error[1]
    else:
        assert error is None


def test_a_helper_lent_by_the_test_is_not_held_against_the_learner(kernel):
    kernel.run(CHECKS)
    kernel.judge.run_trusted(CHECKS)
    learner = ("def helper(x):\n    return float(np.linalg.norm(x))\n"
               "def size(x):\n    return 2 * helper(x)\n")
    test = ("with checks.substitute(globals(), helper=lambda x: 5.0):\n"
            "    print(checks.call(size, np.array([3.0, 4.0]), forbid=[np.linalg.norm]))\n")
    assert judged(kernel, learner, test) == ("10.0\n", None)
    assert judged(kernel, learner, NORM)[1][0] == "ReferenceUsed"


def test_gdlib_named_through_any_of_its_modules_is_refused(kernel):
    """gdlib's package and its modules hold the same class: the check puts a tripwire in
    each place, and the learner may name any of them."""
    kernel.run(CHECKS + "import gdlib\n")
    kernel.judge.run_trusted(CHECKS + "import gdlib\n")
    test = "checks.call(make, forbid=[gdlib.nn])\n"
    for name in ("gdlib.nn.Linear", "gdlib.Linear"):
        learner = f"def make():\n    return {name}(2, 2, rng=np.random.default_rng(0))\n"
        assert judged(kernel, learner, test)[1][0] == "ReferenceUsed", name


BOARD = np.zeros(3)  # a module's array, as a library might keep one
ROWS = [1, 2, 3]


def test_what_the_learner_changed_in_the_judges_own_objects_is_put_back(kernel):
    """In place while the submission is graded (as in one kernel), put back when it ends: the
    judge grades the next submission with its modules as they were."""
    kernel.run("def spoil(a, rows):\n    a[:] = 7\n    rows.append(4)\n")
    kernel.judge.namespace["spoil"](BOARD, ROWS)
    kernel.remote.end()
    assert BOARD.tolist() == [7, 7, 7] and ROWS == [1, 2, 3, 4]
    kernel.remote.shared.undo_writes()  # what LimitedExecute does when a notebook ends
    assert BOARD.tolist() == [0, 0, 0] and ROWS == [1, 2, 3]
