"""The codec: plain data round-trips; anything else, or anything too big, is refused."""

import json
import math
import socket
import struct

import numpy as np
import pytest

from gdcourse.grading.sandbox import wire


def roundtrip(value, caps=wire.CAPS):
    enc = wire.Encoder(caps)
    doc = json.loads(json.dumps(enc.encode(value), allow_nan=False))
    return wire.Decoder(enc.buffers, caps).decode(doc)


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**70, 1.5, "text ✔", b"\x00bytes", 1 + 2j,
    [1, [2, [3]]], (1, "a", None), {"a": 1, 2: [3], (1, 2): "t"}, slice(1, None, 2),
    {"nested": ({"x": (1.0, 2.0)},)},
])
def test_plain_values_round_trip(value):
    got = roundtrip(value)
    assert got == value and type(got) is type(value)


def test_special_floats_round_trip():
    got = roundtrip([math.nan, math.inf, -math.inf])
    assert math.isnan(got[0]) and got[1] == math.inf and got[2] == -math.inf


@pytest.mark.parametrize("dtype", ["bool", "int8", "int64", "uint16", "float16", "float32",
                                   "float64", "complex128", ">f8"])
def test_arrays_round_trip_with_shape_and_dtype(dtype):
    a = (np.arange(24).reshape(2, 3, 4) % 3).astype(dtype)
    got = roundtrip(a[:, ::2])  # not contiguous
    assert got.shape == (2, 2, 4) and got.dtype == a.dtype.newbyteorder("=")
    np.testing.assert_array_equal(got, a[:, ::2])


def test_numpy_scalars_keep_their_type():
    got = roundtrip([np.float64(0.5), np.int32(-3), np.bool_(True)])
    assert [type(x) for x in got] == [np.float64, np.int32, np.bool_]


@pytest.mark.parametrize("value", [np.array([object()]), np.array(["a", "b"]), object(),
                                   {1, 2}, lambda: 1])
def test_other_values_are_refused(value):
    with pytest.raises(wire.WireError):
        wire.Encoder().encode(value)


def test_too_deep_or_too_big_is_refused():
    deep = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(wire.WireError, match="deep"):
        wire.Encoder().encode(deep)
    with pytest.raises(wire.WireError, match="larger"):
        wire.Encoder(wire.Caps(max_bytes=1000)).encode(np.zeros(1000))


@pytest.mark.parametrize("doc, buffers, match", [
    ({"$a": 0, "dt": "|O", "sh": [1]}, [b"12345678"], "dtype"),
    ({"$a": 0, "dt": "<f8", "sh": [3]}, [b"12345678"], "bytes"),
    ({"$a": 0, "dt": "<f8", "sh": [-1]}, [b""], "shape"),
    ({"$a": 5, "dt": "<f8", "sh": [1]}, [], "buffer"),
    ({"$x": 1}, [], "tag"),
    ({"no": "tag"}, [], "tag"),
    ({"$c": ["a", 1]}, [], "complex"),
    ({"$s": "<f8", "v": "nope"}, [], "scalar"),
    ({"$d": [[[1], 2]]}, [], "unhashable"),
    ({"$f": "1e999"}, [], "float"),
])
def test_decoder_refuses_malformed_documents(doc, buffers, match):
    with pytest.raises(wire.WireError, match=match):
        wire.Decoder(buffers).decode(doc)


def test_decoder_counts_items():
    with pytest.raises(wire.WireError, match="values"):
        wire.Decoder([], wire.Caps(max_items=10)).decode(list(range(20)))


def test_framing_refuses_a_message_larger_than_the_cap_before_reading_it():
    a, b = socket.socketpair()
    with a, b:
        wire.send(a, {"x": [1, 2]}, [b"abc"])
        assert wire.recv(b) == ({"x": [1, 2]}, [b"abc"])
        # a header announcing 1 TB: refused at once, nothing allocated
        a.sendall(wire.HEADER.pack(2**40, 0))
        with pytest.raises(wire.WireError, match="bytes"):
            wire.recv(b, wire.Caps(max_bytes=2**20))


def test_framing_refuses_broken_json_and_times_out():
    a, b = socket.socketpair()
    with a, b:
        a.sendall(wire.HEADER.pack(3, 0) + b"{{{")
        with pytest.raises(wire.WireError, match="JSON"):
            wire.recv(b)
        a.sendall(wire.HEADER.pack(10, 0) + b"{")
        with pytest.raises(TimeoutError):
            wire.recv(b, deadline=__import__("time").monotonic() + 0.2)


def test_framing_refuses_too_many_buffers():
    a, b = socket.socketpair()
    with a, b:
        a.sendall(struct.pack("<QI", 2, wire.MAX_BUFFERS + 1))
        with pytest.raises(wire.WireError, match="buffers"):
            wire.recv(b)
