"""The judge's session with one kernel's :mod:`.server`: requests, replies, callbacks.

:class:`Remote` sends each request (``lookup``, ``call``, ``getattr``, ...) over the private
socket and waits for its reply, within the test cell's deadline; answers the callbacks the
learner's code makes meanwhile (a judge function it was given); keeps the shared objects of
both sides in step (:mod:`.shared`); and turns a reply into a value, a proxy (:mod:`.proxy`)
or the learner's exception. A call past the deadline is interrupted (``interrupt_request``);
one that does not stop, or a reply that breaks the protocol, loses the kernel
(:class:`.proxy.KernelLost`). Before calling the learner's function it runs the static
reference check (:mod:`.forbid`) for the objects the running ``checks.call`` forbids, and asks
the kernel to trip on them too.
"""

from __future__ import annotations

import itertools
import sys
import time
import types
import weakref
from collections.abc import Callable

import numpy as np

from . import forbid, shared, wire
from .proxy import (
    PROXIES,
    KernelLost,
    LearnerError,
    RemoteObject,
    RemoteTimeout,
    default_tripwires,
    learner_error,
)
from .server import FORBIDDABLE, dataclass_fields, library_dataclass, library_name, resolve

GRACE = 5.0  # seconds a call has to stop after an interrupt before the kernel counts as lost
_BUILTIN_ERRORS = {n: c for n, c in vars(__import__("builtins")).items()
                   if isinstance(c, type) and issubclass(c, Exception)}


# --------------------------------------------------------------------------------------------
# Codecs of the judge
# --------------------------------------------------------------------------------------------

class _Out(shared.SharingEncoder):
    """Judge -> kernel: shares arrays and containers, proxies as handles, functions as
    callbacks, library objects by name."""

    def __init__(self, remote: Remote) -> None:
        super().__init__(remote.shared, remote.caps)
        self.remote = remote

    def foreign(self, value):
        remote = self.remote
        if isinstance(value, RemoteObject):
            if value._gd_remote is not remote:
                raise wire.WireError("an object of another kernel")
            return {"$h": value._gd_hid}
        name = library_name(value)
        if name is not None:
            return {"$q": name}
        fields = dataclass_fields(self, value)
        if fields is not None:
            return fields
        if callable(value):
            return {"$cb": remote.callback_id(value)}
        raise wire.WireError(f"a {type(value).__name__} cannot be given to the learner's code")


class _In(shared.SharingDecoder):
    """Kernel -> judge: shared objects back into the judge's own, handles to proxies."""

    def __init__(self, remote: Remote, buffers) -> None:
        super().__init__(buffers, remote.caps)
        self.remote = remote

    def receive(self, rid: int, value):
        registry = self.remote.shared
        obj = registry.get(rid)
        if obj is None:  # new, or died here meanwhile: (re)make it from its value
            if value is None:
                last = registry.last.get(rid)
                if not isinstance(last, np.ndarray):
                    raise wire.WireError(f"no shared object {rid}")
                value = last.copy()
            if rid in registry.dead:
                registry.dead.remove(rid)
            registry.register(value, rid)
            return value
        if value is not None:
            registry.write(rid, value)
        return obj

    def tagged(self, tag, obj, depth):
        if tag == "$h":
            return self.remote.proxy(obj)
        if tag == "$q":
            found = resolve(obj["$q"])
            if found is None:
                raise wire.WireError(f"no library object {obj['$q']!r}")
            return found
        if tag == "$dc":
            return library_dataclass(self, obj, depth)
        return super().tagged(tag, obj, depth)


def lent_attribute(obj, name):
    """``obj.name`` for the learner's code, where ``obj`` is an object the test lent it (a
    network whose ``backward``, ``parameters()`` and layers the learner's function uses).

    Only public attributes of an instance, and only data, the instance's own methods or other
    instances (lent in turn): never a module, a class or a function that is not bound to
    ``obj``, so the learner cannot reach the grader's modules (``np.load``) through a test's
    object. Raises AttributeError otherwise, as a missing attribute does.
    """
    if (type(name) is not str or not name.isidentifier() or name.startswith("_")
            or isinstance(obj, (type, types.ModuleType, types.FunctionType,
                                types.BuiltinFunctionType, types.MethodType))):
        raise AttributeError(f"the test's {type(obj).__name__} has no attribute {name!r} "
                             "for the learner's code")
    value = getattr(obj, name)
    if isinstance(value, (type, types.ModuleType)) or (
            isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType))
            and getattr(value, "__self__", None) is not obj):
        raise AttributeError(f"the test's {type(obj).__name__}.{name} is not given to the "
                             "learner's code")
    return value


# --------------------------------------------------------------------------------------------
# The session
# --------------------------------------------------------------------------------------------

class Remote:
    """The judge's session with the :mod:`.server` of one kernel.

    Parameters
    ----------
    sock : socket
        The judge's end of the private socket pair.
    port : :class:`.link.KernelPort` or None
        Wakes the kernel's server and interrupts it (None: the server is already serving,
        as in tests that run it in a thread).
    sources : callable returning a list of str, optional
        The learner's cells run so far, for the static check (:mod:`.forbid`).
    tripwires : callable, optional
        The forbidden objects of the check that is running, each with what raises the check's
        own ``ReferenceUsed`` for it (default :func:`.proxy.default_tripwires`).
    call_timeout : float
        Seconds one request may take when no test cell deadline is set.
    """

    def __init__(self, sock, port=None, sources: Callable[[], list[str]] | None = None,
                 tripwires: Callable[[], list] = default_tripwires, call_timeout: float = 30.0,
                 caps: wire.Caps = wire.CAPS, output=None) -> None:
        self.sock, self.port, self.caps = sock, port, caps
        self.sources, self.tripwires = sources, tripwires
        # names a test rebinds for a while (checks.substitute): the static check does not
        # follow the learner's definitions of them
        self.substituted: Callable[[], set[str]] = set
        self.call_timeout = call_timeout
        self.deadline: float | None = None  # absolute (time.monotonic) end of the test cell
        self.output = output                # (stream name, text) -> None; default: print
        self.lost: str | None = None
        self.serving = port is None
        self._ids = itertools.count(1)
        self._rids = itertools.count(1)
        self.shared = shared.Registry(itertools.count(1), weak=True)
        self._proxies: weakref.WeakValueDictionary = weakref.WeakValueDictionary()
        self._dead_handles: list[int] = []
        self._released: list[int] = []
        self._callbacks: dict[int, Callable] = {}
        self._cid_of: dict[int, int] = {}
        self._in_callback = False

    # -- registries ---------------------------------------------------------------------------
    def proxy(self, desc: dict) -> RemoteObject:
        hid, kind = desc.get("$h"), desc.get("kind")
        if type(hid) is not int or kind not in PROXIES:
            raise wire.WireError("bad handle")
        found = self._proxies.get(hid)
        if found is not None:
            return found
        if hid in self._dead_handles:
            self._dead_handles.remove(hid)
        clean = {k: desc.get(k) if isinstance(desc.get(k), str) else None
                 for k in ("kind", "name", "type", "qual", "lib")}
        clean["sig"] = desc.get("sig")
        made = PROXIES[kind](self, hid, clean)
        self._proxies[hid] = made
        weakref.finalize(made, self._dead_handles.append, hid)
        return made

    def callback_id(self, fn: Callable) -> int:
        cid = self._cid_of.get(id(fn))
        if cid is None or self._callbacks.get(cid) is not fn:
            cid = len(self._callbacks) + 1
            self._callbacks[cid] = fn
            self._cid_of[id(fn)] = cid
        return cid

    # -- requests -----------------------------------------------------------------------------
    def lookup(self, name: str):
        """The learner's global ``name``; NameError if the notebook has none."""
        return self.request("lookup", name=name)

    def call(self, target: RemoteObject, args, kwargs):
        """Call a learner's function or class, with the forbidden-reference checks.

        While ``checks.call`` runs, the judge's ``gdlib`` holds its tripwires in place of the
        forbidden objects: names are resolved through them (``stand_in``).
        """
        wires = self.tripwires() if self.tripwires else []
        stand_in = {id(w): r for r, w in wires}

        def name_of(ref) -> str | None:
            mod, qual = getattr(ref, "__module__", None), getattr(ref, "__qualname__", None)
            if not isinstance(mod, str) or not isinstance(qual, str):
                return None
            found = resolve(f"{mod}:{qual}", FORBIDDABLE)
            return f"{mod}:{qual}" if found is ref or stand_in.get(id(found)) is ref else None

        names = []
        if wires:
            refs = [ref for ref, _ in wires]
            lib = target._gd_desc.get("lib")
            hit = next((r for r in refs if lib is not None and name_of(r) == lib), None)
            if hit is None and self.sources is not None:
                top = (target._gd_desc.get("qual") or target._gd_desc.get("name") or "")
                hit = forbid.find_reference(self.sources(), top.split(".")[0], refs,
                                            stand_in=stand_in, opaque=self.substituted())
            if hit is not None:
                dict(wires)[hit]()  # raises the check's own ReferenceUsed
            names = [n for n in map(name_of, refs) if n]
        try:
            return self.request("call", target, list(args), kwargs, forbid=names)
        except LearnerError as err:
            if err.remote_type == "ReferenceUsed" and wires:
                found = resolve(getattr(err, "reference", ""), FORBIDDABLE)
                ref = stand_in.get(id(found), found)
                for obj, raiser in wires:
                    if obj is ref:
                        raiser()
            raise

    def request(self, op: str, target=None, args=(), kwargs=None, name: str | None = None,
                forbid: list | None = None):
        if self.lost:
            raise KernelLost(self.lost)
        if self._in_callback:
            raise RuntimeError("a function of the test, called back by the learner's code, "
                               "cannot call the learner's code in turn")
        enc = _Out(self)
        doc: dict = {"op": op, "rid": next(self._ids)}
        if target is not None:
            doc["target"] = enc.encode(target)
        doc["args"] = enc.encode(tuple(args))
        doc["kwargs"] = wire.Encoder.container(enc, dict(kwargs or {}), 0)
        if name is not None:
            doc["name"] = name
        if forbid:
            doc["forbid"] = forbid
        doc["sync"] = self.shared.changes(enc)
        doc["release_handles"], self._dead_handles = self._dead_handles, []
        doc["release_arrays"] = self.shared.collect() + self._released
        self._released = []
        if not self.serving:
            self.port.trigger()
            self.serving = True
        self._send(doc, enc.buffers)
        reply, buffers = self._wait(doc["rid"])
        return self._result(reply, buffers, name)

    def end(self) -> None:
        """Let the kernel's main thread go back to the notebook (after a test cell).

        The lists and dicts shared during the cell (held strongly) are forgotten on both
        sides; arrays are forgotten when the judge no longer holds them.
        """
        strong = self.shared.strong()
        self.shared.release(strong)
        self._released += strong
        if self.serving and self.port is not None and not self.lost:
            rid = next(self._ids)
            self._send({"op": "end", "rid": rid, "release_arrays": self._released}, [])
            self._released = []
            self._wait(rid)
            self.serving = False

    def _send(self, doc: dict, buffers: list) -> None:
        try:
            wire.send(self.sock, doc, buffers)
        except OSError as err:
            self._lose(f"the kernel's line is closed ({err})")

    def _deadline(self) -> float:
        now = time.monotonic()
        return min(self.deadline, now + self.call_timeout) if self.deadline else \
            now + self.call_timeout

    def _wait(self, rid: int, deadline: float | None = None):
        deadline = deadline or self._deadline()
        while True:
            try:
                reply, buffers = wire.recv(self.sock, self.caps, deadline)
            except TimeoutError:
                return self._timed_out(rid)
            except (OSError, wire.WireError) as err:
                self._lose(f"the kernel broke the protocol ({err})")
            if reply.get("op") == "callback":
                self._callback(reply, buffers)
                continue
            if reply.get("rid") != rid:
                self._lose("the kernel answered another request")
            return reply, buffers

    def _timed_out(self, rid: int):
        if self.port is not None:
            self.port.interrupt()
        try:
            self._wait_after_interrupt(rid)
        except KernelLost:
            raise RemoteTimeout("the learner's code ran past the time limit and did not stop "
                                "when interrupted", lost=True) from None
        raise RemoteTimeout("the learner's code ran past the time limit and was interrupted")

    def _wait_after_interrupt(self, rid: int) -> None:
        deadline = time.monotonic() + GRACE
        while True:
            try:
                reply, buffers = wire.recv(self.sock, self.caps, deadline)
            except (TimeoutError, OSError, wire.WireError):
                self._lose("the kernel did not stop when interrupted")
            if reply.get("op") == "callback":
                wire.send(self.sock, {"error": "the test's time is up"}, [])
                continue
            if reply.get("rid") == rid:
                self._result(reply, buffers, None, raise_error=False)
                return

    def _lose(self, why: str):
        self.lost = why
        raise KernelLost(why)

    def _result(self, reply: dict, buffers, name, raise_error: bool = True):
        try:
            dec = _In(self, buffers)
            for entry in reply.get("sync") or []:
                dec.decode(entry)
        except wire.WireError as err:
            raise learner_error("ProtocolError", None)(str(err)) from None
        self._show(reply.get("out"))
        if reply.get("missing"):
            raise NameError(f"name {name!r} is not defined")
        if "error" in reply:
            if raise_error:
                raise self._exception(reply["error"])
            return None
        try:
            return dec.decode(reply.get("ok"))
        except wire.WireError as err:
            raise learner_error("ProtocolError", None)(
                f"the learner's code returned something that cannot be read: {err}") from None

    def _show(self, out) -> None:
        if not isinstance(out, list):
            return
        for item in out[:1000]:
            if isinstance(item, list) and len(item) == 2 and item[0] in ("stdout", "stderr") \
                    and isinstance(item[1], str):
                if self.output is not None:
                    self.output(item[0], item[1])
                else:
                    (sys.stdout if item[0] == "stdout" else sys.stderr).write(item[1])

    def _exception(self, err) -> BaseException:
        if not isinstance(err, dict):
            err = {}
        kind = str(err.get("type") or "Exception")[:100]
        message = str(err.get("message") or "")[:2000]
        base = _BUILTIN_ERRORS.get(kind) if err.get("builtin") is True else None
        cls = learner_error(kind, base)
        try:
            exc = cls(message)
        except TypeError:
            exc = learner_error(kind, None)(message)
        exc.remote_traceback = str(err.get("traceback") or "")[:4000]
        exc.reference = str(err.get("reference") or "")[:200]
        return exc

    def _callback(self, reply: dict, buffers) -> None:
        cid = reply.get("cb")
        fn = self._callbacks.get(cid) if type(cid) is int else None
        try:
            dec = _In(self, buffers)
            for entry in reply.get("sync") or []:
                dec.decode(entry)
            attr = reply.get("attr")
            if attr is not None:  # an attribute of an object the test lent
                if fn is None:
                    raise wire.WireError("a bad callback")
                self._in_callback = True
                try:
                    value = lent_attribute(fn, attr)
                finally:
                    self._in_callback = False
            else:
                args, kwargs = dec.decode(reply.get("args")), dec.decode(reply.get("kwargs"))
                if fn is None or not isinstance(args, tuple) or not isinstance(kwargs, dict):
                    raise wire.WireError("a bad callback")
                self._in_callback = True
                try:
                    value = fn(*args, **kwargs)
                finally:
                    self._in_callback = False
            enc = _Out(self)
            doc = {"ok": enc.encode(value)}
        except Exception as err:  # noqa: BLE001 (the kernel's code is told, the test goes on)
            enc = _Out(self)
            doc = {"error": {"type": type(err).__name__, "message": str(err)[:500],
                             "builtin": type(err).__module__ == "builtins"}}
        doc["sync"] = self.shared.changes(enc)
        self._send(doc, enc.buffers)
