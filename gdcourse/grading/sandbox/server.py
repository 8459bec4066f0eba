"""The judge's agent inside the learner's kernel: runs learner functions on request.

:func:`install` (called by :mod:`.inner` before any learner code runs) registers a shell
message type, ``gd_judge_request``. When the judge sends one, the kernel's main thread enters
:meth:`Server.serve`, which answers requests read from a private socket (inherited from the
grader, never on the filesystem) until the judge sends ``end``. The requests:

``lookup`` a name of the notebook, ``call`` an object, ``getattr``/``setattr`` of an object,
``dunder`` (``len``, ``[]``, ``in``, ``iter``, ``repr``, ...), ``isinstance``,
``setglobal``/``delglobal`` (the judge's ``checks.substitute``).

Each request may carry ``sync`` (shared arrays, lists and dicts the judge changed in place, see
:mod:`.shared`) and ``release`` (objects the judge no longer holds); each reply
carries ``sync`` (shared objects the learner's code changed), the output the code printed
(capped), and either ``ok`` (the value, as :mod:`.wire` data) or ``error`` (type, message, the
learner's frames of the traceback). While a
call runs, the learner's code may call back a judge function it was given (``callback``).

Nothing here is trusted by the judge: learner code can replace or imitate this server, which
only changes what the judge is told the learner's own code returned (see README).
"""

from __future__ import annotations

import builtins
import dataclasses
import inspect
import io
import itertools
import operator
import os
import sys
import traceback
import types

from . import shared, wire

BIT_GENERATORS = shared.BIT_GENERATORS
MSG_TYPE = "gd_judge_request"
LIBRARIES = ("gdlib", "numpy")   # library objects resolve by name; their dataclasses by value
# what a test may forbid, by name: the libraries and the course's own models of mistakes
FORBIDDABLE = (*LIBRARIES, "gdcourse")
OUTPUT_CAP = 100_000             # characters of printed output kept per request
MAX_PARAMS = 64
DUNDERS = {"__len__": len, "__bool__": bool, "__repr__": repr, "__str__": str, "__hash__": hash,
           "__float__": float, "__int__": int, "__index__": operator.index,
           "__getitem__": operator.getitem, "__setitem__": operator.setitem,
           "__delitem__": operator.delitem, "__contains__": operator.contains,
           "__eq__": operator.eq, "__ne__": operator.ne, "__lt__": operator.lt,
           "__le__": operator.le, "__gt__": operator.gt, "__ge__": operator.ge,
           "__neg__": operator.neg, "__abs__": abs, "__add__": operator.add,
           "__sub__": operator.sub, "__mul__": operator.mul, "__truediv__": operator.truediv,
           "__matmul__": operator.matmul, "__pow__": operator.pow}
MAX_ITER = 100_000
HERE = os.path.realpath(__file__)


class ReferenceUsed(Exception):
    """Learner code called a reference object the test forbids (reported as such)."""


def resolve(name: str, roots: tuple[str, ...] = LIBRARIES):
    """``"module:qual.name"`` of a package of ``roots`` -> the object (loaded), else None."""
    if not isinstance(name, str) or ":" not in name:
        return None
    mod, _, qual = name.partition(":")
    if mod.split(".")[0] not in roots or mod not in sys.modules:
        return None
    obj = sys.modules[mod]
    for part in qual.split("."):
        if part.startswith("__"):
            return None
        obj = getattr(obj, part, None)
    return obj


def library_name(obj) -> str | None:
    """``"module:qualname"`` of a library function or class that resolves back to ``obj``."""
    mod, qual = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if not isinstance(mod, str) or not isinstance(qual, str) or "<" in qual:
        return None
    name = f"{mod}:{qual}"
    return name if resolve(name) is obj else None


class _Capped(io.TextIOBase):
    """A text stream keeping the first ``cap`` characters written to it."""

    def __init__(self, sink: list, name: str, cap: int) -> None:
        self.sink, self.name, self.cap = sink, name, cap

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        text = str(text)
        used = sum(len(t) for _, t in self.sink)
        if used < self.cap:
            self.sink.append((self.name, text[: self.cap - used]))
        return len(text)


class _Callback:
    """Stands for a judge function or object inside the kernel: calling it, or reading one of
    its public attributes (``net.backward``, ``net.layers``), asks the judge."""

    def __init__(self, server: Server, cid: int) -> None:
        self._server, self._cid = server, cid

    def __call__(self, *args, **kwargs):
        return self._server.callback(self._cid, args, kwargs)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._server.callback(self._cid, (), {}, attr=name)

    def __repr__(self) -> str:
        return f"<function given by the test #{self._cid}>"


class _Tripwire:
    def __init__(self, name: str, log: list) -> None:
        self._name, self._log = name, log

    def __call__(self, *args, **kwargs):
        self._log.append(self._name)
        raise ReferenceUsed(self._name)

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        self._log.append(self._name)
        raise ReferenceUsed(self._name)


class _Out(shared.SharingEncoder):
    def __init__(self, server: Server) -> None:
        super().__init__(server.shared, server.caps)
        self.server = server

    def foreign(self, value):
        return dataclass_fields(self, value) or self.server.handle(value)


class _In(shared.SharingDecoder):
    def __init__(self, server: Server, buffers) -> None:
        super().__init__(buffers, server.caps)
        self.server = server

    def receive(self, rid: int, value):
        registry = self.server.shared
        known = registry.get(rid)
        if known is None:
            if value is None or rid <= 0:
                raise wire.WireError(f"no shared object {rid}")
            registry.register(value, rid)
            return value
        if value is not None:
            registry.write(rid, value)
        return known

    def tagged(self, tag, obj, depth):
        server = self.server
        if tag == "$h":
            hid = obj["$h"]
            if type(hid) is not int or hid not in server.objects:
                raise wire.WireError(f"no object {hid!r}")
            return server.objects[hid]
        if tag == "$cb":
            if type(obj["$cb"]) is not int:
                raise wire.WireError("bad callback id")
            return _Callback(server, obj["$cb"])
        if tag == "$q":
            found = resolve(obj["$q"])
            if found is None:
                raise wire.WireError(f"no library object {obj['$q']!r}")
            return found
        if tag == "$dc":
            return library_dataclass(self, obj, depth)
        return super().tagged(tag, obj, depth)


def dataclass_fields(enc: wire.Encoder, value) -> dict | None:
    """A library dataclass instance as its fields (:func:`library_dataclass` rebuilds it)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = library_name(type(value))
        if name is not None:
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
            return {"$dc": name, "f": wire.Encoder.container(enc, fields, 1)}
    return None


def library_dataclass(dec: wire.Decoder, obj: dict, depth: int):
    """A dataclass of a library, rebuilt from its fields (no code of the sender runs)."""
    cls = resolve(obj["$dc"])
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise wire.WireError(f"{obj['$dc']!r} is not a library dataclass")
    fields = dec.decode(obj.get("f"), depth + 1)
    if not isinstance(fields, dict):
        raise wire.WireError("bad dataclass fields")
    out = object.__new__(cls)
    for f in dataclasses.fields(cls):
        object.__setattr__(out, f.name, fields.get(f.name))
    return out


class Server:
    """Answers the judge's requests about the objects of ``namespace`` (the notebook's)."""

    def __init__(self, sock, namespace: dict, shell=None,
                 caps: wire.Caps = wire.CAPS) -> None:
        self.sock, self.namespace, self.shell, self.caps = sock, namespace, shell, caps
        self.objects: dict[int, object] = {}
        self._handle_of: dict[int, int] = {}
        self.shared = shared.Registry(itertools.count(-1, -1))  # arrays, lists, dicts, rngs
        self._hids = itertools.count(1)
        self._forbid_log: list = []

    # -- registries ---------------------------------------------------------------------------
    def handle(self, obj) -> dict:
        hid = self._handle_of.get(id(obj))
        if hid is None or self.objects.get(hid) is not obj:
            hid = next(self._hids)
            self.objects[hid] = obj
            self._handle_of[id(obj)] = hid
        kind = "class" if isinstance(obj, type) else "function" if callable(obj) else "object"
        qual = getattr(obj, "__qualname__", None) if isinstance(
            obj, (type, types.FunctionType, types.MethodType)) else None
        return {"$h": hid, "kind": kind, "name": _safe_name(obj), "type": _safe_type(obj),
                "qual": str.__str__(qual)[:200] if isinstance(qual, str) else None,
                "lib": library_name(obj) if kind != "object" else None,
                "sig": self.signature(obj) if kind != "object" else None}

    def signature(self, obj) -> list | None:
        try:
            params = list(inspect.signature(obj).parameters.values())[:MAX_PARAMS]
        except (TypeError, ValueError):
            return None
        out = []
        for p in params:
            default = None
            if p.default is not p.empty:
                try:
                    enc = wire.Encoder(wire.Caps(max_bytes=4096))
                    default = enc.encode(p.default) if not enc.buffers else None
                except wire.WireError:
                    default = None
            out.append([p.name, int(p.kind), p.default is not p.empty, default])
        return out

    def release(self, hids, rids) -> None:
        for hid in hids if isinstance(hids, list) else ():
            obj = self.objects.pop(hid, None)
            if obj is not None and self._handle_of.get(id(obj)) == hid:
                del self._handle_of[id(obj)]
        if isinstance(rids, list):
            self.shared.release([r for r in rids if type(r) is int])

    # -- the loop -----------------------------------------------------------------------------
    def serve(self, *_args) -> None:
        """Answer requests until ``end`` (runs as the shell handler of :data:`MSG_TYPE`)."""
        while True:
            try:
                doc, buffers = wire.recv(self.sock, self.caps)
            except KeyboardInterrupt:  # an interrupt that came after its call finished
                continue
            except (OSError, wire.WireError):
                return
            if doc.get("op") == "end":
                self.release([], doc.get("release_arrays"))
                self._send({"rid": doc.get("rid"), "ok": None}, [])
                return
            try:
                reply, buffers = self.answer(doc, buffers)
            except BaseException as err:  # noqa: BLE001 (the loop must answer whatever happens)
                reply, buffers = {"error": {"type": "ServerError",
                                            "message": f"{type(err).__name__}: {err}"[:500]}}, []
            reply["rid"] = doc.get("rid")
            self._send(reply, buffers)

    def _send(self, doc, buffers) -> None:
        try:
            wire.send(self.sock, doc, buffers)
        except wire.WireError as err:
            wire.send(self.sock, {"rid": doc.get("rid"), "error": {
                "type": "ResultTooLarge", "message": str(err)}}, [])

    def answer(self, doc: dict, buffers) -> tuple[dict, list]:
        dec = _In(self, buffers)
        self.release(doc.get("release_handles"), doc.get("release_arrays"))
        for entry in doc.get("sync") or []:
            dec.decode(entry)
        op = doc.get("op")
        target = dec.decode(doc["target"]) if "target" in doc else None
        args = dec.decode(doc.get("args", {"$t": []}))
        kwargs = dec.decode(doc.get("kwargs", {"$d": []}))
        if not isinstance(args, tuple) or not isinstance(kwargs, dict) or \
                not all(isinstance(k, str) for k in kwargs):
            raise wire.WireError("bad arguments")
        name = doc.get("name")
        if op == "lookup":
            if not isinstance(name, str) or name not in self.namespace:
                enc = _Out(self)
                return {"missing": True, "sync": self.shared.changes(enc)}, enc.buffers
            return self._reply_value(lambda: self.namespace[name])
        if op == "call":
            forbid = [f for f in doc.get("forbid") or [] if isinstance(f, str)]
            return self._reply_value(lambda: target(*args, **kwargs), forbid)
        if op == "getattr" and isinstance(name, str):
            return self._reply_value(lambda: getattr(target, name))
        if op == "setattr" and isinstance(name, str) and len(args) == 1:
            return self._reply_value(lambda: setattr(target, name, args[0]))
        if op == "dunder" and (name in DUNDERS or name == "__iter__"):
            return self._reply_value(lambda: _dunder(target, name, args))
        if op == "isinstance" and len(args) == 1:
            return self._reply_value(lambda: isinstance(target, args[0]))
        if op == "setglobal" and isinstance(name, str) and len(args) == 1:
            self.namespace[name] = args[0]
            return self._reply(None)
        if op == "delglobal" and isinstance(name, str):
            self.namespace.pop(name, None)
            return self._reply(None)
        raise wire.WireError(f"unknown request {op!r}")

    def _reply(self, value, extra: dict | None = None) -> tuple[dict, list]:
        enc = _Out(self)
        doc = {"ok": enc.encode(value)}
        doc["sync"] = self.shared.changes(enc)
        return doc | (extra or {}), enc.buffers

    def _reply_value(self, fn, forbid: list | None = None) -> tuple[dict, list]:
        output: list = []
        error = None
        try:
            value = self._run(fn, output, forbid or [])
        except BaseException as err:  # noqa: BLE001 (learner code may raise anything)
            error = _describe(err)
            value = None
        out_text = [[n, t] for n, t in output]
        if error is None:
            try:
                return self._reply(value, {"out": out_text})
            except wire.WireError as err:
                error = {"type": "ResultTooLarge", "message": str(err)}
        enc = _Out(self)
        return {"error": error, "out": out_text, "sync": self.shared.changes(enc)}, enc.buffers

    def _run(self, fn, output: list, forbid: list):
        log: list = []
        patched = self._tripwires(forbid, log)
        saved = sys.stdout, sys.stderr
        sys.stdout = _Capped(output, "stdout", OUTPUT_CAP)
        sys.stderr = _Capped(output, "stderr", OUTPUT_CAP)
        publish = None
        if self.shell is not None:
            publish = self.shell.display_pub.publish
            self.shell.display_pub.publish = lambda data, *a, **k: sys.stdout.write(
                str((data or {}).get("text/plain", "")) + "\n")
        try:
            value = fn()
        finally:
            sys.stdout, sys.stderr = saved
            if publish is not None:
                self.shell.display_pub.publish = publish
            for ns, key, old in reversed(patched):
                ns[key] = old
        if log:
            raise ReferenceUsed(log[0])
        return value

    def _tripwires(self, forbid: list, log: list) -> list:
        """Put a tripwire in place of each forbidden object, wherever gdlib's modules, the
        module that defines it or the notebook hold it; return what to put back."""
        targets = {id(obj): name for name in forbid
                   if (obj := resolve(name, FORBIDDABLE)) is not None}
        if not targets:
            return []
        owners = {name.partition(":")[0] for name in targets.values()}
        spaces = [vars(m) for n, m in list(sys.modules.items())
                  if m is not None and (n.split(".")[0] == "gdlib" or n in owners)]
        patched = []
        for ns in [*spaces, self.namespace]:
            for key, value in list(ns.items()):
                if id(value) in targets:
                    patched.append((ns, key, value))
                    ns[key] = _Tripwire(targets[id(value)], log)
        return patched

    # -- calling back the judge ---------------------------------------------------------------
    def callback(self, cid: int, args, kwargs, attr: str | None = None):
        enc = _Out(self)
        doc = {"op": "callback", "cb": cid, "args": enc.encode(tuple(args)),
               "kwargs": wire.Encoder.container(enc, dict(kwargs), 0)}
        if attr is not None:
            doc["attr"] = attr
        doc["sync"] = self.shared.changes(enc)
        wire.send(self.sock, doc, enc.buffers)
        reply, buffers = wire.recv(self.sock, self.caps)
        dec = _In(self, buffers)
        for entry in reply.get("sync") or []:
            dec.decode(entry)
        if "error" in reply:
            err = reply["error"] if isinstance(reply["error"], dict) else {}
            kind = getattr(builtins, str(err.get("type")), None) if err.get("builtin") else None
            if not (isinstance(kind, type) and issubclass(kind, Exception)):
                kind = RuntimeError
            raise kind(str(err.get("message", "the test's function failed"))[:500])
        return dec.decode(reply.get("ok"))


def _dunder(target, name: str, args: list):
    if name == "__iter__":
        return list(itertools.islice(iter(target), MAX_ITER))
    result = DUNDERS[name](target, *args)
    if name in ("__repr__", "__str__"):
        return str.__str__(result)[:10_000]
    return result


def _safe_name(obj) -> str:
    name = getattr(obj, "__name__", None) if isinstance(obj, (type, types.FunctionType,
                                                               types.MethodType,
                                                               types.BuiltinFunctionType)) \
        else None
    return str.__str__(name)[:200] if isinstance(name, str) else _safe_type(obj)


def _safe_type(obj) -> str:
    return str.__str__(type(obj).__name__)[:200]


def _describe(err: BaseException) -> dict:
    """Type, message and the learner's frames of an exception, as plain strings."""
    kind = type(err)
    try:
        message = str(err)
    except BaseException:  # noqa: BLE001 (a learner's __str__ may raise)
        message = "<the exception's message could not be read>"
    frames = [f for f in traceback.extract_tb(err.__traceback__)
              if os.path.realpath(f.filename) != HERE]
    where = "".join(traceback.format_list(frames[-4:])).rstrip() if frames else ""
    out = {"type": str.__str__(kind.__name__)[:100], "message": message[:2000],
           "traceback": where[:4000],
           "builtin": kind.__module__ == "builtins" and getattr(builtins, kind.__name__,
                                                                 None) is kind}
    if isinstance(err, ReferenceUsed):
        out["reference"] = str(err)
    return out


def install(kernel, sock) -> Server:
    """Serve the judge on ``sock`` from ``kernel``'s main thread (see the module's docstring)."""
    server = Server(sock, kernel.shell.user_ns, kernel.shell)
    kernel.shell_handlers[MSG_TYPE] = server.serve
    return server
