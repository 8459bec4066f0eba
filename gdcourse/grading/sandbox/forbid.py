"""Did the learner's code name a reference object it was asked to write? Read from the source.

The kernel cannot be asked (it runs the learner's code), so the judge reads the notebook's cells
instead: :func:`find_reference` parses the learner's cells, follows their imports and simple
aliases (``from gdlib.optim import SGD as S``, ``o = gdlib.optim``), and scans the definition
of the called function or class, and every top-level function of the notebook it names, for a
name that resolves (in the judge's own modules) to a forbidden object or a subclass of one.

What it cannot see: names built at run time (``getattr(gdlib, "op" + "tim")``,
``__import__``, ``exec``), and code copied by hand. The kernel's own tripwires (in
:mod:`.server`) catch the first kind in an honest kernel; nothing catches the second.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
from collections.abc import Iterable

MAGIC = re.compile(r"^\s*[%!].*$", re.M)


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(MAGIC.sub("", source))
    except SyntaxError:
        return None


def _lookup(path: str, modules) -> object | None:
    parts = path.split(".")
    for i in range(len(parts), 0, -1):
        obj = modules.get(".".join(parts[:i]))
        if obj is None:
            continue
        for attr in parts[i:]:
            if attr.startswith("__"):
                return None
            try:
                obj = getattr(obj, attr)
            except Exception:  # noqa: BLE001 (a module's __getattr__ may raise anything)
                return None
        return obj
    return None


def _is_forbidden(value, forbidden: list) -> object | None:
    while isinstance(value, functools.partial):
        value = value.func
    for f in forbidden:
        if value is f:
            return f
        if isinstance(f, type) and isinstance(value, type) and issubclass(value, f):
            return f
    return None


class _Names:
    """Imports, aliases and top-level definitions of the learner's cells."""

    def __init__(self, trees: list[ast.Module]) -> None:
        self.aliases: dict[str, str] = {}
        self.stars: list[str] = []
        self.defs: dict[str, ast.AST] = {}
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    for a in node.names:
                        if a.asname:
                            self.aliases[a.asname] = a.name
                        else:
                            root = a.name.split(".")[0]
                            self.aliases[root] = root
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    for a in node.names:
                        if a.name == "*":
                            self.stars.append(node.module)
                        else:
                            self.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            for node in tree.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    self.defs[node.name] = node
                elif isinstance(node, ast.Assign):
                    path = self.dotted(node.value)
                    for target in node.targets:
                        if isinstance(target, ast.Name) and path:
                            self.aliases[target.id] = path

    def dotted(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        return None


def find_reference(sources: Iterable[str], name: str, forbidden: list,
                   modules=None, stand_in: dict | None = None,
                   opaque: Iterable[str] = ()) -> object | None:
    """The forbidden object that the learner's definition ``name`` uses, or None.

    Parameters
    ----------
    sources : iterable of str
        The learner's cells that ran before the test (the imports cell included).
    name : str
        The top-level name of the function or class the test calls (``"SGD"`` for
        ``SGD.step``).
    forbidden : list
        The objects the test forbids (the judge's own: ``gdlib.optim.SGD``, ...).
    modules : mapping, optional
        Where dotted names resolve (default ``sys.modules`` of the judge).
    stand_in : dict, optional
        ``id(object) -> forbidden object`` for objects that stand in for one while the check
        runs (``gdcourse.learner.checks.call`` puts tripwires in their place).
    opaque : iterable of str
        Names whose definitions are not followed: the test has rebound them for the call
        (``checks.substitute`` lends the reference version of an earlier task's function).
    """
    modules = sys.modules if modules is None else modules
    stand_in = stand_in or {}

    def look(path):
        obj = _lookup(path, modules)
        return stand_in.get(id(obj), obj)

    names = _Names([t for t in map(_parse, sources) if t is not None])
    if name in names.aliases and name not in names.defs:
        hit = _is_forbidden(look(names.aliases[name]), forbidden)
        if hit is not None:
            return hit
    opaque = set(opaque) - {name}
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current in seen or current not in names.defs:
            continue
        seen.add(current)
        for node in ast.walk(names.defs[current]):
            if isinstance(node, ast.Name) and node.id in opaque:
                continue
            if isinstance(node, ast.Name):
                todo.append(node.id)
                candidates = [names.aliases.get(node.id)] + [
                    f"{m}.{node.id}" for m in names.stars]
            elif isinstance(node, ast.Attribute):
                candidates = [names.dotted(node)]
            else:
                continue
            for path in filter(None, candidates):
                hit = _is_forbidden(look(path), forbidden)
                if hit is not None:
                    return hit
    return None
