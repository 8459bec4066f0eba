"""The judge's side of the protocol: learner objects as proxies, plain data back.

In a test cell run by the judge, the learner's names resolve (through :class:`JudgeNamespace`)
to:

- plain data: numbers, strings, arrays, lists/tuples/dicts of them;
- :class:`RemoteFunction`, :class:`RemoteClass` or :class:`RemoteObject` proxies for anything
  else: calling one, reading or setting an attribute, ``len``, ``[]``, ``in``, iteration,
  ``repr`` and ``isinstance`` ask the kernel (through the session, :class:`.remote.Remote`).

Arrays, lists, dicts and random generators keep their identity and in-place semantics across
the boundary (:mod:`.shared`): an optimizer's ``p -= lr * g`` in the kernel changes
the judge's array, a ``grads[i] = new`` the judge's list, and an object the kernel returns
that stands for one of the judge's comes back as the judge's own. Functions of the judge given
to the learner's code (``f`` of a numerical gradient, ``after`` of a schedule) become callbacks
that the kernel calls back while the call runs. Library objects (``gdlib``, ``numpy``) travel
by name, ``gdlib``'s dataclasses by value.

Exceptions of the learner's code come back as instances of :class:`LearnerError` subclasses
named like the original (``NotImplementedError`` is also a ``NotImplementedError``), with
``remote_traceback`` holding the learner's frames. A call that runs past the deadline is
interrupted and raises :class:`RemoteTimeout`; a kernel that breaks the protocol or does not
answer raises :class:`KernelLost`. Both derive from BaseException, so no test helper can
swallow them: the test cell fails.
"""

from __future__ import annotations

import builtins
import functools
import inspect
import sys

from . import wire


class LearnerError(Exception):
    """An exception raised by the learner's code in the kernel (subclassed per type name)."""

    remote_type = "Exception"
    remote_traceback = ""


class RemoteTimeout(BaseException):
    """A call into the kernel ran past the test cell's deadline (and was interrupted)."""

    def __init__(self, message: str, lost: bool = False) -> None:
        super().__init__(message)
        self.lost = lost


class KernelLost(BaseException):
    """The kernel stopped answering or broke the protocol: it cannot be used any more."""


_classes: dict[tuple[str, type | None], type] = {}


def learner_error(kind: str, base: type | None) -> type:
    """A LearnerError subclass named ``kind`` (and deriving from builtin ``base`` if given)."""
    key = (kind, base)
    if key not in _classes:
        bases = (base, LearnerError) if base is not None else (LearnerError,)
        try:
            _classes[key] = type(kind if kind.isidentifier() else "LearnerError", bases,
                                 {"__module__": "learner", "remote_type": kind})
        except TypeError:  # a builtin that cannot be subclassed together with LearnerError
            _classes[key] = learner_error(kind, None)
    return _classes[key]


def _raise(error: type, words, name, ref):
    raise error(words(name, ref))


def default_tripwires() -> list:
    """The forbidden objects of the running ``checks.call``, each with what raises the check's
    own ``ReferenceUsed`` for it: ``[(object, raiser), ...]``.

    Read, never changed, in two places of ``gdcourse.learner`` (its API has no hook for it):

    - the ``_Tripwire`` objects (holding the object as ``_ref``) that the check puts in place of
      each forbidden object in ``gdlib``'s modules while the learner's function runs; calling
      one raises the check's ``ReferenceUsed`` with the check's message;
    - the frame of the running ``gdcourse.learner`` ``call``: its ``forbidden`` list and
      ``name``, and its module's ``ReferenceUsed`` and ``reference_message``, for the objects
      that no ``gdlib`` module holds (a numpy function, a model of a mistake).
    """
    out, seen = [], set()
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] != "gdlib":
            continue
        for value in list(vars(module).values()):
            if type(value).__name__ == "_Tripwire" and id(value) not in seen:
                ref = getattr(value, "_ref", None)
                if ref is not None:  # every one: each stands for its object somewhere
                    seen.add(id(value))
                    out.append((ref, value))
    frame = sys._getframe(1)
    while frame is not None:
        g, names = frame.f_globals, frame.f_locals
        if str(g.get("__name__", "")).startswith("gdcourse.learner") and \
                frame.f_code.co_name == "call" and isinstance(names.get("forbidden"), list):
            error, words = g.get("ReferenceUsed"), g.get("reference_message")
            if isinstance(error, type) and issubclass(error, Exception) and callable(words):
                out += [(ref, functools.partial(_raise, error, words, names.get("name"), ref))
                        for ref in names["forbidden"] if all(ref is not r for r, _ in out)]
            break
        frame = frame.f_back
    return out


# --------------------------------------------------------------------------------------------
# Proxies
# --------------------------------------------------------------------------------------------

class RemoteObject:
    """An object that lives in the learner's kernel."""

    def __init__(self, remote, hid: int, desc: dict) -> None:
        object.__setattr__(self, "_gd_remote", remote)
        object.__setattr__(self, "_gd_hid", hid)
        object.__setattr__(self, "_gd_desc", desc)

    def __getattr__(self, name: str):
        if name.startswith("_gd_") or (name.startswith("__") and name.endswith("__")):
            raise AttributeError(name)
        return self._gd_remote.request("getattr", self, name=name)

    def __setattr__(self, name: str, value) -> None:
        if name.startswith("_gd_") or (name.startswith("__") and name.endswith("__")):
            raise AttributeError(f"cannot set {name} of an object of the learner's kernel")
        self._gd_remote.request("setattr", self, [value], name=name)

    def _gd_dunder(self, name: str, *args):
        return self._gd_remote.request("dunder", self, list(args), name=name)

    def __len__(self) -> int:
        n = self._gd_dunder("__len__")
        if type(n) is not int or n < 0:
            raise TypeError("len() of the learner's object is not an int")
        return n

    def __bool__(self) -> bool:
        return self._gd_dunder("__bool__") is True

    def __getitem__(self, key):
        return self._gd_dunder("__getitem__", key)

    def __setitem__(self, key, value) -> None:
        self._gd_dunder("__setitem__", key, value)

    def __delitem__(self, key) -> None:
        self._gd_dunder("__delitem__", key)

    def __contains__(self, item) -> bool:
        return self._gd_dunder("__contains__", item) is True

    def __iter__(self):
        items = self._gd_dunder("__iter__")
        return iter(items if isinstance(items, list) else [])

    def __repr__(self) -> str:
        text = self._gd_dunder("__repr__")
        return text if isinstance(text, str) else f"<{self._gd_desc.get('type')} object>"

    def __str__(self) -> str:
        text = self._gd_dunder("__str__")
        return text if isinstance(text, str) else repr(self)

    def __float__(self) -> float:
        value = self._gd_dunder("__float__")
        if type(value) is not float:
            raise TypeError("float() of the learner's object is not a float")
        return value

    def __int__(self) -> int:
        value = self._gd_dunder("__int__")
        if type(value) is not int:
            raise TypeError("int() of the learner's object is not an int")
        return value

    __hash__ = object.__hash__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, protocol):
        raise TypeError("an object of the learner's kernel cannot be pickled")


class RemoteFunction(RemoteObject):
    """A function (or bound method, or other callable) of the learner's kernel."""

    def __init__(self, remote, hid: int, desc: dict) -> None:
        super().__init__(remote, hid, desc)
        name = desc.get("name") or "function"
        object.__setattr__(self, "__name__", name)
        object.__setattr__(self, "__qualname__", desc.get("qual") or name)
        object.__setattr__(self, "__module__", "__main__")
        object.__setattr__(self, "__signature__", _signature(desc.get("sig")))

    def __call__(self, *args, **kwargs):
        return self._gd_remote.call(self, args, kwargs)

    def __repr__(self) -> str:
        return f"<{self._gd_desc.get('kind')} {self.__qualname__} of the learner's kernel>"


class RemoteClass(RemoteFunction):
    """A class of the learner's kernel: calling it makes a :class:`RemoteObject`."""

    def __instancecheck__(self, obj) -> bool:
        if isinstance(obj, RemoteObject) and obj._gd_remote is self._gd_remote:
            return self._gd_remote.request("isinstance", obj, [self]) is True
        return False

    def __subclasscheck__(self, cls) -> bool:
        return False


class _Default:
    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(sig) -> inspect.Signature | None:
    if not isinstance(sig, list):
        return None
    try:
        params = []
        for name, kind, has_default, default in sig:
            if not (isinstance(name, str) and name.isidentifier() and kind in range(5)):
                return None
            value = inspect.Parameter.empty
            if has_default is True:
                try:
                    value = wire.Decoder([]).decode(default)
                except wire.WireError:
                    value = _Default("<default>")
            params.append(inspect.Parameter(name, inspect._ParameterKind(kind), default=value))
        return inspect.Signature(params)
    except (TypeError, ValueError):
        return None


PROXIES = {"class": RemoteClass, "function": RemoteFunction, "object": RemoteObject}


class JudgeNamespace(dict):
    """The globals of the test cells: the judge's own names, then the learner's, as proxies.

    Builtins stay builtins; a name the judge never bound is looked up in the kernel on each
    use. ``update`` and ``pop`` of a learner's name (what ``checks.substitute(globals(), ...)``
    does) rebind it in the kernel for the duration, so the learner's code calls the
    substitute.
    """

    def __init__(self, remote) -> None:
        super().__init__(__builtins__=builtins, __name__="__main__")
        self.remote = remote
        self._shadowed: dict[str, object] = {}
        if remote is not None:
            remote.substituted = lambda: set(self._shadowed)

    def __missing__(self, key):
        if self.remote is None or not isinstance(key, str) or key.startswith("__") \
                or hasattr(builtins, key):
            raise KeyError(key)
        try:
            return self.remote.lookup(key)
        except NameError:
            raise KeyError(key) from None

    def update(self, *args, **kwargs) -> None:
        for key, value in dict(*args, **kwargs).items():
            if not dict.__contains__(self, key) and self.remote is not None:
                try:
                    old = self.remote.lookup(key)
                except NameError:
                    old = None
                else:
                    self.remote.request("setglobal", args=[value], name=key)
                    self._shadowed[key] = old
            dict.__setitem__(self, key, value)

    def pop(self, key, *default):
        if key in self._shadowed:
            self.remote.request("setglobal", args=[self._shadowed.pop(key)], name=key)
        return dict.pop(self, key, *default)
