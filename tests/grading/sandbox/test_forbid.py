"""The static check reads the learner's cells and finds every way of naming a reference."""

import types

import pytest

from gdcourse.grading.sandbox.forbid import find_reference


class Reference:  # stands for gdlib.optim.SGD
    pass


def reference_mse(pred, target):  # stands for gdlib.losses.mse
    return 0.0


lib = types.ModuleType("lib")
lib.optim = types.ModuleType("lib.optim")
lib.losses = types.ModuleType("lib.losses")
lib.optim.SGD = Reference
lib.losses.mse = reference_mse
MODULES = {"lib": lib, "lib.optim": lib.optim, "lib.losses": lib.losses, "numpy": types}
FORBIDDEN = [Reference, reference_mse]
IMPORTS = "import numpy as np\nimport lib\n"


@pytest.mark.parametrize("name, code", [
    ("mse", "def mse(p, t):\n    return lib.losses.mse(p, t)\n"),
    ("mse", "from lib.losses import mse as m\ndef mse(p, t):\n    return m(p, t)\n"),
    ("mse", "import lib.losses as L\ndef mse(p, t):\n    return L.mse(p, t)\n"),
    ("mse", "losses = lib.losses\ndef mse(p, t):\n    return losses.mse(p, t)\n"),
    ("mse", "def helper(p, t):\n    return lib.losses.mse(p, t)\n"
            "def mse(p, t):\n    return helper(p, t)\n"),
    ("loss", "from lib.losses import *\ndef loss(p, t):\n    return mse(p, t)\n"),
    ("mse", "def mse(p, t, f=lib.losses.mse):\n    return f(p, t)\n"),
    ("SGD", "class SGD(lib.optim.SGD):\n    pass\n"),
    ("SGD", "class SGD:\n    def step(self, g):\n        return lib.optim.SGD([], 0.1).step(g)\n"),
    ("SGD", "SGD = lib.optim.SGD\n"),
])
def test_each_way_of_naming_the_reference_is_found(name, code):
    hit = find_reference([IMPORTS, code], name, FORBIDDEN, MODULES)
    assert hit in FORBIDDEN


@pytest.mark.parametrize("name, code", [
    ("mse", "def mse(p, t):\n    return np.mean((p - t) ** 2)\n"),
    ("mse", "def other():\n    return lib.losses.mse\n"
            "def mse(p, t):\n    return np.mean((p - t) ** 2)\n"),
    ("SGD", "class SGD:\n    def step(self, g):\n        self.t = lib.optim\n"),
    ("mse", "def mse(p, t):\n    %time x = 1\n    return 0\n"),  # a magic: skipped, not a crash
])
def test_own_work_is_not_flagged(name, code):
    assert find_reference([IMPORTS, code], name, FORBIDDEN, MODULES) is None


def test_names_built_at_run_time_are_not_seen():
    """Documented limit: the kernel's tripwires catch these in an honest kernel."""
    code = "def mse(p, t):\n    return getattr(lib.losses, 'ms' + 'e')(p, t)\n"
    assert find_reference([IMPORTS, code], "mse", FORBIDDEN, MODULES) is None


def test_a_helper_the_test_rebinds_is_not_followed():
    """``checks.substitute`` lends the reference for an earlier task: its name is opaque."""
    code = ("def helper(p, t):\n    return lib.losses.mse(p, t)\n"
            "def mse(p, t):\n    return helper(p, t)\n")
    assert find_reference([IMPORTS, code], "mse", FORBIDDEN, MODULES) is reference_mse
    assert find_reference([IMPORTS, code], "mse", FORBIDDEN, MODULES, opaque={"helper"}) is None
