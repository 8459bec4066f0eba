"""The integrity guard: what the tests rely on stays as it was when the guard was switched on.

Learner code runs in the same kernel as the tests. Once :func:`enable` has run (each exercise's
imports cell calls it), replacing a numpy, gdlib or builtin function, or a name of the course's
checks, makes the next check fail with :class:`~.failures.Tampering` (that task scores zero) and
puts the original back, so later tasks are graded honestly; ``checks.x = ...`` raises at once.
It stops the casual tricks, not a determined attacker: appendices/instructors.md, "Threat
model", says what it cannot stop. Before :func:`enable` (a script, the unit tests) it does
nothing.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable

import numpy as np

from .failures import Tampering

PACKAGE = __name__.rpartition(".")[0]  # gdcourse.learner: every module of it is watched
_MISSING = object()
_WATCHED: dict[str, tuple[types.ModuleType, dict]] = {}
_NAMES: dict[str, object] = {}  # the notebook's names of np, gdlib, checks after the imports
_pending: list[str] = []


def _watch(module: types.ModuleType, names: Iterable[str] | None = None) -> None:
    ns = vars(module)
    names = [k for k in ns if not k.startswith("__")] if names is None else names
    _WATCHED[module.__name__] = (module, {k: ns[k] for k in names if k in ns})


# builtins the checks use (IPython swaps a few others, such as exit, in and out of builtins)
_BUILTINS = ("abs", "all", "any", "bool", "callable", "float", "getattr", "int", "isinstance",
             "issubclass", "iter", "len", "list", "max", "min", "next", "print", "range",
             "repr", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip")


def _interactive(func) -> bool:
    """Was ``func`` defined in a notebook (or by exec) rather than in a module's file?"""
    code = getattr(func, "__code__", None)
    return isinstance(func, types.FunctionType) and code is not None and (
        func.__module__ in (None, "__main__") or code.co_filename.startswith("<")
        or "/ipykernel_" in code.co_filename)


def _not_genuine(module: types.ModuleType) -> list[str]:
    """Functions of ``module`` defined in a notebook (replaced before we were imported)."""
    return [f"{module.__name__}.{k}" for k, v in vars(module).items() if _interactive(v)]


def _restore() -> list[str]:
    """Put back every watched name that changed; return the names."""
    changed = []
    for name, (module, snapshot) in _WATCHED.items():
        ns = vars(module)
        for k, v in snapshot.items():
            if ns.get(k, _MISSING) is not v:
                changed.append(f"{name}.{k}")
                ns[k] = v
    shell = _shell()
    if shell is not None and _NAMES:
        ns = shell.user_ns
        for k, v in _NAMES.items():
            if ns.get(k, _MISSING) is not v:
                changed.append(f"the notebook's name `{k}`")
                ns[k] = v
    return changed


def _message(changed: list[str]) -> str:
    shown = ", ".join(changed[:4]) + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
    return (f"code in this notebook replaced {shown}, which the tests rely on, so this task "
            "scores zero. The original was put back for the tasks after it. Remove every line "
            "that assigns to numpy, gdlib, builtins or `checks` (e.g. `np.allclose = ...`).")


def check() -> None:
    """Fail with :class:`Tampering` if anything watched changed since the last check.

    Every check calls it first.
    """
    __tracebackhide__ = True
    changed = _pending + _restore()
    _pending.clear()
    if changed:
        raise Tampering(_message(list(dict.fromkeys(changed))))


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _after_cell(*_args) -> None:
    """IPython's post_run_cell hook: undo tampering at once, fail the next check."""
    shell = _shell()
    if shell is not None and not _NAMES:  # the imports cell just ran: remember its names
        for k, v in list(shell.user_ns.items()):
            if not k.startswith("_") and (v is np or _watched_module(v)):
                _NAMES[k] = v
        return
    _pending.extend(_restore())


def _watched_module(v) -> bool:
    """A module of gdlib or of the course's checks (the names the imports cell binds)."""
    return isinstance(v, types.ModuleType) and (
        v.__name__.split(".")[0] == "gdlib" or v.__name__.startswith(PACKAGE))


class _Sealed(types.ModuleType):
    """A module of the checks: its names cannot be rebound or deleted from outside."""

    def __setattr__(self, name, value):
        if isinstance(value, types.ModuleType) and \
                sys.modules.get(f"{self.__name__}.{name}") is value:
            return super().__setattr__(name, value)  # the import system adds a submodule
        raise AttributeError(f"{self.__name__} cannot be changed (`{_short(self)}.{name} = ...`): "
                             "the tests rely on it. Remove that line; it earns no points.")

    def __delattr__(self, name):
        raise AttributeError(f"{self.__name__} cannot be changed (`del {_short(self)}.{name}`).")


def _short(module: types.ModuleType) -> str:
    return module.__name__.rpartition(".")[2]


def _ours() -> list[types.ModuleType]:
    return [m for n, m in sorted(sys.modules.items())
            if m is not None and (n == PACKAGE or n.startswith(PACKAGE + "."))]


def enable() -> None:
    """Switch the guard on: snapshot numpy, gdlib, some builtins and the checks; seal the checks.

    Called by each exercise's imports cell, after its imports. Calling it again does nothing.
    """
    import builtins

    import gdlib  # noqa: F401 (its modules are watched)

    if _WATCHED:
        return
    bad = []
    _watch(builtins, _BUILTINS)
    for module in [np, np.linalg, np.random] + _ours() + [
            m for n, m in sorted(sys.modules.items())
            if m is not None and (n == "gdlib" or n.startswith("gdlib."))]:
        _watch(module)
        bad += _not_genuine(module)
    if bad:  # replaced before the guard was switched on: nothing pristine to restore
        _pending.extend(bad)
    shell = _shell()
    if shell is not None and _after_cell not in shell.events.callbacks["post_run_cell"]:
        shell.events.register("post_run_cell", _after_cell)
    for module in _ours():
        module.__class__ = _Sealed


def enabled() -> bool:
    return bool(_WATCHED)
