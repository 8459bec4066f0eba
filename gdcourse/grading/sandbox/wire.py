"""Plain data between the judge and the learner's kernel: JSON plus raw array bytes.

Nothing is ever unpickled. A value is encoded as a JSON document and a list of byte buffers:

- ``None``, ``bool``, ``int``, ``str`` and finite ``float`` as themselves; other floats as
  ``{"$f": "nan"}``; ``complex`` as ``{"$c": [re, im]}``; ``bytes`` as ``{"$b": i}``;
- ``list`` as a list, ``tuple`` as ``{"$t": [...]}``, ``dict`` as ``{"$d": [[k, v], ...]}``,
  ``slice`` as ``{"$sl": [start, stop, step]}``;
- a numpy array of a dtype in :data:`DTYPES` as ``{"$a": i, "dt": "<f8", "sh": [2, 3]}``
  (buffer ``i`` holds its bytes, C order, little-endian); a numpy scalar as ``{"$s": "<f8",
  "v": ...}``;
- anything else only through the hooks of :class:`Encoder` and :class:`Decoder`: shared
  objects (``$r``, see :mod:`.shared`), handles to objects of the other side (``$h``),
  callbacks (``$cb``), library objects by name (``$q``) and library dataclasses (``$dc``).
"""

from __future__ import annotations

import json
import math
import socket
import struct
import time
from dataclasses import dataclass

import numpy as np

DTYPES = frozenset(np.dtype(t).str for t in (
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128"))
FLOATS = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


class WireError(ValueError):
    """A message that breaks the protocol's rules (too big, too deep, unknown tag, bad dtype)."""


@dataclass(frozen=True)
class Caps:
    """Bounds on one message, enforced when it is read."""

    max_bytes: int = 64 * 2**20    # JSON text plus buffers
    max_items: int = 1_000_000     # values in the document
    max_depth: int = 40            # nesting of lists, tuples and dicts
    max_ndim: int = 32


CAPS = Caps()  # the default bounds

def _float(x: float):
    if math.isfinite(x):
        return x
    return {"$f": "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")}


def array_dtype(arr: np.ndarray) -> np.dtype | None:
    """The little-endian dtype ``arr`` travels as, or None if it cannot travel."""
    dt = arr.dtype.newbyteorder("<") if arr.dtype.byteorder == ">" else arr.dtype
    return dt if dt.str in DTYPES else None


class Encoder:
    """Encode one message; subclasses handle arrays and other objects (:meth:`other`)."""

    def __init__(self, caps: Caps = CAPS) -> None:
        self.caps = caps
        self.buffers: list[bytes] = []
        self.size = 0

    def buffer(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.caps.max_bytes:
            raise WireError(f"the value is larger than {self.caps.max_bytes // 2**20} MB")
        self.buffers.append(data)
        return len(self.buffers) - 1

    def plain_array(self, arr: np.ndarray) -> dict:
        dt = array_dtype(arr)
        if dt is None:
            raise WireError(f"an array of dtype {arr.dtype} cannot be sent")
        data = np.ascontiguousarray(arr, dtype=dt).tobytes()
        return {"$a": self.buffer(data), "dt": dt.str, "sh": list(arr.shape)}

    def array(self, arr: np.ndarray) -> dict:
        return self.plain_array(arr)

    def other(self, value) -> object:
        raise WireError(f"a {type(value).__name__} cannot be sent")

    def container(self, value, depth: int):
        """A list or dict, by value (:class:`SharingEncoder` shares them instead)."""
        if type(value) is list:
            return [self.encode(v, depth + 1) for v in value]
        return {"$d": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                       for k, v in value.items()]}

    def encode(self, value, depth: int = 0):
        if depth > self.caps.max_depth:
            raise WireError(f"the value is nested more than {self.caps.max_depth} levels deep")
        if value is None or isinstance(value, (bool, str)):
            return value
        if type(value) is int:
            return value
        if type(value) is float:
            return _float(value)
        if type(value) is complex:
            return {"$c": [_float(value.real), _float(value.imag)]}
        if type(value) is bytes:
            return {"$b": self.buffer(value)}
        if type(value) is list:
            return self.container(value, depth)
        if type(value) is tuple:
            return {"$t": [self.encode(v, depth + 1) for v in value]}
        if type(value) is dict:
            return self.container(value, depth)
        if type(value) is slice:
            return {"$sl": [self.encode(v, depth + 1)
                            for v in (value.start, value.stop, value.step)]}
        if type(value) is np.ndarray:
            return self.array(value)
        if isinstance(value, np.generic) and np.dtype(value.dtype).str in DTYPES:
            return {"$s": value.dtype.str, "v": self.encode(value.item(), depth + 1)}
        return self.other(value)


class Decoder:
    """Decode one message from untrusted JSON and buffers; subclasses handle ``$r``, ``$h``..."""

    def __init__(self, buffers: list, caps: Caps = CAPS) -> None:
        self.caps = caps
        self.buffers = [memoryview(b).cast("B") for b in buffers]
        if sum(b.nbytes for b in self.buffers) > caps.max_bytes:
            raise WireError("the message is too large")
        self.items = 0

    def buffer(self, index) -> memoryview:
        if type(index) is not int or not 0 <= index < len(self.buffers):
            raise WireError(f"no buffer {index!r}")
        return self.buffers[index]

    def plain_array(self, obj: dict) -> np.ndarray:
        dt, shape = obj.get("dt"), obj.get("sh")
        if dt not in DTYPES:
            raise WireError(f"dtype {dt!r} is not allowed")
        if type(shape) is not list or len(shape) > self.caps.max_ndim or any(
                type(n) is not int or n < 0 for n in shape):
            raise WireError(f"bad shape {shape!r}")
        data = self.buffer(obj.get("$a"))
        dtype = np.dtype(dt)
        if math.prod(shape) * dtype.itemsize != data.nbytes:
            raise WireError(f"{data.nbytes} bytes do not make an array {shape} of {dt}")
        return np.frombuffer(data, dtype=dtype).reshape(shape).copy()

    def tagged(self, tag: str, obj: dict, depth: int):
        raise WireError(f"unknown tag {tag!r}")

    def decode(self, obj, depth: int = 0):
        self.items += 1
        if self.items > self.caps.max_items:
            raise WireError(f"more than {self.caps.max_items} values in one message")
        if depth > self.caps.max_depth:
            raise WireError(f"nested more than {self.caps.max_depth} levels deep")
        if obj is None or isinstance(obj, (bool, int, float, str)):
            return obj
        if isinstance(obj, list):
            return [self.decode(v, depth + 1) for v in obj]
        if not isinstance(obj, dict):
            raise WireError(f"unexpected {type(obj).__name__}")
        tag = next((k for k in obj if k.startswith("$")), None)
        if tag == "$f":
            if obj[tag] not in FLOATS:
                raise WireError(f"bad float {obj[tag]!r}")
            return FLOATS[obj[tag]]
        if tag == "$c":
            re, im = self._pair(obj[tag], depth)
            if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (re, im)):
                raise WireError("bad complex number")
            return complex(re, im)
        if tag == "$b":
            return bytes(self.buffer(obj[tag]))
        if tag == "$t":
            return tuple(self._list(obj[tag], depth))
        if tag == "$d":
            out = {}
            for pair in self._list(obj[tag], depth, decode=False):
                k, v = self._pair(pair, depth)
                try:
                    out[k] = v
                except TypeError as err:
                    raise WireError(f"unhashable key {type(k).__name__}") from err
            return out
        if tag == "$sl":
            items = self._list(obj[tag], depth)
            if len(items) != 3 or any(v is not None and type(v) is not int for v in items):
                raise WireError("bad slice")
            return slice(*items)
        if tag == "$a":
            return self.plain_array(obj)
        if tag == "$s":
            if obj[tag] not in DTYPES:
                raise WireError(f"dtype {obj[tag]!r} is not allowed")
            value = self.decode(obj.get("v"), depth + 1)
            if not isinstance(value, (bool, int, float, complex)):
                raise WireError("bad numpy scalar")
            try:
                return np.dtype(obj[tag]).type(value)
            except (TypeError, ValueError, OverflowError) as err:
                raise WireError(f"bad numpy scalar: {err}") from err
        if tag is None:
            raise WireError("an object without a tag")
        return self.tagged(tag, obj, depth)

    def _list(self, value, depth: int, decode: bool = True) -> list:
        if not isinstance(value, list):
            raise WireError("expected a list")
        return [self.decode(v, depth + 1) for v in value] if decode else value

    def _pair(self, value, depth: int):
        items = self._list(value, depth)
        if len(items) != 2:
            raise WireError("expected a pair")
        return items[0], items[1]


# --------------------------------------------------------------------------------------------
# Framing on a stream socket: header (JSON length, buffer count), buffer lengths, JSON, buffers
# --------------------------------------------------------------------------------------------

HEADER = struct.Struct("<QI")
MAX_BUFFERS = 100_000


def send(sock: socket.socket, doc: dict, buffers: list[bytes] = ()) -> None:
    """Send one message (``doc`` must already be encoded)."""
    text = json.dumps(doc, separators=(",", ":"), allow_nan=False).encode()
    sizes = struct.pack(f"<{len(buffers)}Q", *(len(b) for b in buffers))
    sock.sendall(HEADER.pack(len(text), len(buffers)) + sizes + text)
    for b in buffers:
        sock.sendall(b)


def _read(sock: socket.socket, n: int, deadline: float | None) -> bytes:
    out = bytearray(n)
    view, got = memoryview(out), 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer in time")
            sock.settimeout(left)
        try:
            k = sock.recv_into(view[got:], n - got)
        except TimeoutError as err:
            raise TimeoutError("no answer in time") from err
        if k == 0:
            raise ConnectionError("the other side closed the connection")
        got += k
    return bytes(out)


def recv(sock: socket.socket, caps: Caps = CAPS,
         deadline: float | None = None) -> tuple[dict, list[bytes]]:
    """Read one message; ``deadline`` is a ``time.monotonic()`` value (None: wait forever).

    Raises TimeoutError, ConnectionError, or :class:`WireError` for a message that breaks
    the caps (the stream cannot be trusted after any of them).
    """
    n_text, n_buf = HEADER.unpack(_read(sock, HEADER.size, deadline))
    if n_buf > MAX_BUFFERS:
        raise WireError(f"{n_buf} buffers in one message")
    sizes = struct.unpack(f"<{n_buf}Q", _read(sock, 8 * n_buf, deadline)) if n_buf else ()
    if n_text + sum(sizes) > caps.max_bytes:
        raise WireError(f"a message of {n_text + sum(sizes)} bytes, more than "
                        f"{caps.max_bytes}")
    text = _read(sock, n_text, deadline)
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise WireError(f"not JSON: {err}"[:200]) from None
    if not isinstance(doc, dict):
        raise WireError("a message must be a JSON object")
    return doc, [_read(sock, n, deadline) for n in sizes]
