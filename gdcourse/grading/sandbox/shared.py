"""Objects both sides share: arrays, lists, dicts and random generators.

Arrays, lists, dicts and random generators that cross the boundary are
*registered* on both sides under one id (:class:`Registry`); the first time with their value
(``{"$r": id, "$a"|"$l"|"$m"|"$g": ...}``), then by id alone. Each message also carries the
registered objects whose value changed on the sending side since the two sides last agreed,
and the receiving side writes those values into its own objects, in place: an optimizer's
``p -= lr * g`` in the kernel changes the judge's array, ``grads[i] = new`` changes the judge's
list, and a registered object comes back as the very object it stands for.

:class:`Decoder` trusts nothing: every tag, dtype, shape, size and depth is checked against
:class:`Caps`, and a breach raises :class:`WireError`.

:class:`Registry` keeps them by id on one side; :class:`SharingEncoder` and
:class:`SharingDecoder` are the :mod:`.wire` codecs that send them that way (the judge and the
kernel's server each subclass them for their other objects).
"""

from __future__ import annotations

import weakref

import numpy as np

from .wire import CAPS, Caps, Decoder, Encoder, WireError, array_dtype

BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


def shareable(obj) -> bool:
    return type(obj) in (np.ndarray, list, dict) or (
        isinstance(obj, np.random.Generator)
        and type(obj.bit_generator).__name__ in BIT_GENERATORS)


def snapshot(obj):
    """What ``obj`` holds now, to notice a change (lists and dicts: their items' identities)."""
    if type(obj) is np.ndarray:
        return obj.copy()
    if type(obj) is list:
        return tuple(obj)
    if type(obj) is dict:
        return tuple(obj.items())
    return obj.bit_generator.state


def unchanged(obj, snap) -> bool:
    if type(obj) is np.ndarray:  # bit for bit (NaN equals NaN), without a copy if possible
        if obj.shape != snap.shape or obj.dtype != snap.dtype:
            return False
        now = obj if obj.flags.c_contiguous else np.ascontiguousarray(obj)
        # flat views: a memoryview of shape (0, 3) cannot be cast to bytes, one of (0,) can
        return memoryview(now.reshape(-1)).cast("B") == memoryview(snap.reshape(-1)).cast("B")
    now = snapshot(obj)
    if type(obj) in (list, dict):
        return len(now) == len(snap) and all(
            (a[0] == b[0] and a[1] is b[1]) if type(obj) is dict else a is b
            for a, b in zip(now, snap, strict=True))
    return repr(now) == repr(snap)


def write_into(obj, value) -> None:
    """Make the registered ``obj`` hold ``value``, in place."""
    if type(obj) is not type(value) and not (
            isinstance(obj, np.random.Generator) and isinstance(value, np.random.Generator)):
        raise WireError("a shared object changed kind")
    if type(obj) is np.ndarray:
        if obj.size != value.size or obj.dtype != value.dtype:
            raise WireError("an array given to the other side changed its size or dtype")
        if obj.shape != value.shape:
            obj.shape = value.shape
        obj[...] = value
    elif type(obj) is list:
        obj[:] = value
    elif type(obj) is dict:
        obj.clear()
        obj.update(value)
    else:
        obj.bit_generator.state = value.bit_generator.state


def put_back(obj, snap) -> None:
    """Make ``obj`` hold what :func:`snapshot` saw, in place."""
    if type(obj) is np.ndarray:
        if obj.shape != snap.shape:
            obj.shape = snap.shape
        obj[...] = snap
    elif type(obj) is list:
        obj[:] = list(snap)
    elif type(obj) is dict:
        obj.clear()
        obj.update(dict(snap))
    else:
        obj.bit_generator.state = snap


class Registry:
    """Shared objects by id; ``weak``: hold them weakly where Python allows (the judge).

    Every object the other side changes is remembered as it was before (:attr:`overwritten`),
    so that :meth:`undo_writes` can put it back: the judge does so when a submission ends, and
    nothing the learner's code did to the judge's objects (a module's list a test handed over,
    say) reaches the next submission.
    """

    def __init__(self, ids, weak: bool = False) -> None:
        self._ids, self.weak = ids, weak
        self._objects: dict[int, object] = {}
        self._weak: set[int] = set()
        self._rid_of: dict[int, int] = {}
        self.last: dict[int, object] = {}
        self.dead: list[int] = []
        self.overwritten: dict[int, tuple[object, object]] = {}

    def get(self, rid: int):
        ref = self._objects.get(rid)
        return ref() if rid in self._weak else ref

    def rid_of(self, obj) -> int | None:
        rid = self._rid_of.get(id(obj))
        return rid if rid is not None and self.get(rid) is obj else None

    def register(self, obj, rid: int | None = None) -> int:
        rid = next(self._ids) if rid is None else rid
        if self.weak and type(obj) is np.ndarray:
            self._objects[rid] = weakref.ref(obj, lambda _r, rid=rid: self.dead.append(rid))
            self._weak.add(rid)
        else:
            self._objects[rid] = obj
            self._weak.discard(rid)
        self._rid_of[id(obj)] = rid
        self.last[rid] = snapshot(obj)
        return rid

    def write(self, rid: int, value) -> None:
        obj = self.get(rid)
        self.overwritten.setdefault(id(obj), (obj, snapshot(obj)))
        write_into(obj, value)
        self.last[rid] = snapshot(obj)

    def undo_writes(self) -> None:
        """Put back every object the other side changed, as it was before its first change."""
        for obj, snap in self.overwritten.values():
            put_back(obj, snap)
        self.overwritten.clear()

    def changes(self, enc: Encoder) -> list:
        """Payloads of the shared objects changed here since both sides last agreed."""
        out = []
        for rid in list(self._objects):
            obj = self.get(rid)
            if obj is None or unchanged(obj, self.last[rid]):
                continue
            self.last[rid] = snapshot(obj)
            out.append({"$r": rid, **payload(enc, obj)})
        return out

    def release(self, rids) -> None:
        for rid in rids:
            obj = self.get(rid)
            self._objects.pop(rid, None)
            self._weak.discard(rid)
            self.last.pop(rid, None)
            if obj is not None and self._rid_of.get(id(obj)) == rid:
                del self._rid_of[id(obj)]

    def collect(self) -> list[int]:
        """Ids whose objects died here (weak mode): to release on both sides."""
        dead = [r for r in self.dead if r in self._objects and self.get(r) is None]
        self.dead = []
        self.release(dead)
        self._rid_of = {k: r for k, r in self._rid_of.items() if r in self._objects}
        return dead

    def strong(self) -> list[int]:
        """Ids of the lists and dicts (held strongly): released after each test cell."""
        return [r for r, o in self._objects.items() if type(o) in (list, dict)]


def payload(enc: Encoder, obj, depth: int = 0) -> dict:
    if type(obj) is np.ndarray:
        return enc.plain_array(obj)
    if type(obj) is list:
        return {"$l": [enc.encode(v, depth + 1) for v in obj]}
    if type(obj) is dict:
        return {"$m": [[enc.encode(k, depth + 1), enc.encode(v, depth + 1)]
                       for k, v in obj.items()]}
    plain = Encoder(enc.caps)  # the state's own arrays (MT19937) are not shared
    plain.buffers, plain.size = enc.buffers, enc.size
    state = plain.encode(obj.bit_generator.state, depth + 1)
    enc.size = plain.size
    return {"$g": state}


class SharingEncoder(Encoder):
    """An encoder that shares arrays, lists, dicts and generators through a :class:`Registry`."""

    def __init__(self, registry: Registry, caps: Caps = CAPS) -> None:
        super().__init__(caps)
        self.registry = registry

    def shared(self, obj, depth: int = 0) -> dict:
        rid = self.registry.rid_of(obj)
        if rid is not None:
            return {"$r": rid}
        if type(obj) is np.ndarray and self.size + obj.nbytes > self.caps.max_bytes:
            raise WireError(f"the value is larger than {self.caps.max_bytes // 2**20} MB")
        rid = self.registry.register(obj)
        try:
            return {"$r": rid, **payload(self, obj, depth)}
        except WireError:
            self.registry.release([rid])
            raise

    def array(self, arr):
        dt = array_dtype(arr)
        if dt is None:
            raise WireError(f"an array of dtype {arr.dtype} cannot be sent")
        return self.shared(arr)

    def container(self, value, depth: int):
        return self.shared(value, depth)

    def other(self, value):
        if shareable(value):
            return self.shared(value)
        return self.foreign(value)

    def foreign(self, value):
        raise WireError(f"a {type(value).__name__} cannot be sent")


class SharingDecoder(Decoder):
    """A decoder that resolves ``$r`` through :meth:`receive` (one per side)."""

    def tagged(self, tag, obj, depth):
        if tag == "$r":
            rid = obj["$r"]
            if type(rid) is not int:
                raise WireError("bad shared id")
            return self.receive(rid, self.payload(obj, depth))
        return super().tagged(tag, obj, depth)

    def payload(self, obj: dict, depth: int):
        if "$a" in obj:
            return self.plain_array(obj)
        if "$l" in obj:
            return self._list(obj["$l"], depth)
        if "$m" in obj:
            out = {}
            for pair in self._list(obj["$m"], depth, decode=False):
                k, v = self._pair(pair, depth)
                try:
                    out[k] = v
                except TypeError as err:
                    raise WireError("unhashable key") from err
            return out
        if "$g" in obj:
            state = Decoder.decode(self, obj["$g"], depth + 1)
            name = state.get("bit_generator") if isinstance(state, dict) else None
            if name not in BIT_GENERATORS:
                raise WireError(f"bit generator {name!r} is not allowed")
            bits = getattr(np.random, name)()
            try:
                bits.state = state
            except (TypeError, ValueError, KeyError) as err:
                raise WireError(f"bad generator state: {err}") from None
            return np.random.Generator(bits)
        return None

    def receive(self, rid: int, value):
        raise WireError("shared objects are not expected here")
