"""Is it the learner's own work? A function that hands the task to ``gdlib``'s version earns
nothing.

:func:`not_reference` is the static half (the function is, inherits from, copies or names a
forbidden object); :func:`tripwires` the dynamic half (while the learner's code runs, each
forbidden object raises :class:`~.failures.ReferenceUsed` wherever gdlib or the learner's
globals hold it). :func:`gdcourse.learner.checks.call` uses both.
"""

from __future__ import annotations

import contextlib
import dis
import functools
import sys
import types
from collections.abc import Iterable

from .failures import ReferenceUsed


def _qualname(obj) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"


def expand(forbid: Iterable) -> list:
    """Forbidden objects: functions and classes, or every public callable of a module."""
    out = []
    for item in forbid:
        if isinstance(item, types.ModuleType):
            names = getattr(item, "__all__", None) or [
                n for n in vars(item) if not n.startswith("_")]
            for n in names:
                obj = getattr(item, n, None)
                if callable(obj) and getattr(obj, "__module__", None) == item.__name__:
                    out.append(obj)
        else:
            out.append(item)
    return out


def _codes(obj) -> list[types.CodeType]:
    """Every code object of a function or of a class's methods, nested ones included."""
    funcs = []
    if isinstance(obj, type):
        for klass in obj.__mro__:
            if klass is object:
                continue
            for v in vars(klass).values():
                if isinstance(v, (staticmethod, classmethod)):
                    v = v.__func__
                if isinstance(v, property):
                    funcs.extend(f for f in (v.fget, v.fset) if f is not None)
                elif isinstance(v, types.FunctionType):
                    funcs.append(v)
    elif isinstance(obj, types.FunctionType):
        funcs.append(obj)
    elif isinstance(obj, types.MethodType):
        funcs.append(obj.__func__)
    codes, todo = [], [f.__code__ for f in funcs]
    while todo:
        code = todo.pop()
        codes.append(code)
        todo.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
    return codes


def functions(obj) -> list[types.FunctionType]:
    if isinstance(obj, type):
        return [f for f in (_unwrap_method(v) for k in obj.__mro__ if k is not object
                            for v in vars(k).values()) if f is not None]
    if isinstance(obj, types.MethodType):
        return [obj.__func__]
    return [obj] if isinstance(obj, types.FunctionType) else []


def _unwrap_method(v):
    if isinstance(v, (staticmethod, classmethod)):
        v = v.__func__
    return v if isinstance(v, types.FunctionType) else None


def _is_forbidden(value, forbidden: list) -> object | None:
    """Return the forbidden object that ``value`` is, wraps or copies, else None."""
    seen = 0
    while isinstance(value, functools.partial) and seen < 10:
        value, seen = value.func, seen + 1
    for f in forbidden:  # the object itself first: gdlib.nn.Linear, not its base Module
        if value is f:
            return f
    for f in forbidden:
        if isinstance(f, type) and isinstance(value, type) and issubclass(value, f):
            return f
    return None


def not_reference(func, forbid: Iterable, name: str | None = None) -> None:
    """Fail if ``func`` is, inherits from, copies or names one of the ``forbid`` objects.

    This is the static half of the check; :func:`call` adds the dynamic half (the forbidden
    objects raise :class:`ReferenceUsed` while the learner's code runs).
    """
    __tracebackhide__ = True
    forbidden = expand(forbid)
    if not forbidden:
        return
    name = name or getattr(func, "__name__", "your code")
    hit = _is_forbidden(func, forbidden)
    if hit is None:  # the reference's own code objects, reused (its methods copied into a class)
        # by identity: code objects compare equal by content and line numbers, so the learner's
        # own code, written like the reference and at the same lines, would count as a copy
        ref_codes = {id(c): f for f in forbidden for c in _codes(f)}
        hit = next((ref_codes[id(c)] for c in _codes(func) if id(c) in ref_codes), None)
    if hit is None:
        hit = _named_reference(func, forbidden)
    if hit is not None:
        raise ReferenceUsed(reference_message(name, hit))


def reference_message(name: str, ref) -> str:
    return (f"{name} uses {_qualname(ref)}, the reference implementation of what this task asks "
            f"you to write, so it earns no points. Implement it yourself with numpy; you may "
            f"call your own functions from earlier tasks.")


def _named_reference(func, forbidden: list):
    """Scan the bytecode for ``gdlib.x.y`` chains, globals, closures and defaults."""
    for f in functions(func):
        g = f.__globals__
        cells = [c.cell_contents for c in (f.__closure__ or ()) if _cell_ok(c)]
        defaults = list(f.__defaults__ or ()) + list((f.__kwdefaults__ or {}).values())
        for value in cells + defaults:
            hit = _is_forbidden(value, forbidden)
            if hit is not None:
                return hit
        for code in _codes(f):
            current = None
            for ins in dis.get_instructions(code):
                if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
                    name = ins.argval
                    current = g.get(name, getattr(g.get("__builtins__"), name, None)) \
                        if name in g else None
                elif ins.opname in ("LOAD_ATTR", "LOAD_METHOD") and current is not None:
                    current = getattr(current, ins.argval, None)
                else:
                    current = None
                    continue
                hit = _is_forbidden(current, forbidden)
                if hit is not None:
                    return hit
    return None


def _cell_ok(cell) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:  # an empty cell
        return False
    return True


class _Tripwire:
    """Stands in for a forbidden object while the learner's code runs."""

    def __init__(self, ref, name: str, log: list):
        self._ref, self._name, self._log = ref, name, log
        functools.update_wrapper(self, ref, updated=())

    def __call__(self, *args, **kwargs):
        self._log.append(self._ref)
        raise ReferenceUsed(reference_message(self._name, self._ref))

    def __getattr__(self, attr):  # e.g. a class attribute of a forbidden class
        return getattr(self._ref, attr)


@contextlib.contextmanager
def tripwires(func, forbidden: list, name: str, log: list):
    """Replace each forbidden object, wherever gdlib or the learner's globals hold it."""
    patched = []
    namespaces = [vars(m) for n, m in list(sys.modules.items())
                  if (n == "gdlib" or n.startswith("gdlib.")) and m is not None]
    namespaces += [f.__globals__ for f in functions(func)]
    seen_ids = set()
    for ns in namespaces:
        if id(ns) in seen_ids:
            continue
        seen_ids.add(id(ns))
        for key, value in list(ns.items()):
            for ref in forbidden:
                if value is ref:
                    patched.append((ns, key, value))
                    ns[key] = _Tripwire(ref, name, log)
    try:
        yield
    finally:
        for ns, key, value in reversed(patched):
            ns[key] = value


