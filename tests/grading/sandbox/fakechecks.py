"""A small stand-in for ``gdcourse.learner.checks``, with the same contract (for the fake exercise).

``call`` binds the arguments with ``inspect.signature``, snapshots them, calls, explains a
``NotImplementedError`` or a crash in words, and notices an argument changed in place;
``expect_array`` compares; ``expect_optimizer`` checks that an optimizer keeps the very arrays
it was given and updates them in place, step after step, like a reference.
"""

from __future__ import annotations

import inspect

import numpy as np


class CheckFailed(AssertionError):
    def _render_traceback_(self):
        return [f"CheckFailed: {self}"]


def fail(message: str):
    raise CheckFailed(message)


def call(func, *args, name=None, **kwargs):
    name = name or getattr(func, "__name__", "your function")
    try:
        bound = inspect.signature(func).bind_partial(*args, **kwargs).arguments
    except (TypeError, ValueError):
        bound = {f"argument {i + 1}": a for i, a in enumerate(args)} | dict(kwargs)
    before = {k: [np.array(a) for a in v] if isinstance(v, list) else np.array(v)
              for k, v in bound.items() if isinstance(v, (np.ndarray, list))}
    try:
        result = func(*args, **kwargs)
    except NotImplementedError:
        fail(f"{name} is not implemented yet")
    except Exception as err:
        fail(f"{name} raised {type(err).__name__}: {err}")
    for key, old in before.items():
        now = bound[key]
        if isinstance(old, list):
            same = len(old) == len(now) and all(
                np.array_equal(a, b) for a, b in zip(old, now, strict=True))
        else:
            same = np.array_equal(old, now)
        if not same:
            fail(f"{name} changed its input `{key}` in place")
    return result


def expect_array(actual, expected, *, name: str):
    if actual is None:
        fail(f"{name} returned None")
    actual = np.asarray(actual, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if actual.shape != expected.shape:
        fail(f"{name} has shape {actual.shape}, expected {expected.shape}")
    if not np.allclose(actual, expected):
        fail(f"{name} is wrong: {np.round(actual, 6).tolist()} instead of "
             f"{np.round(expected, 6).tolist()}")


def expect_optimizer(make, reference, *, name, params, grad, steps=3, **kwargs):
    mine = [np.array(p, dtype=float) for p in params]
    opt = call(make, mine, name=name, **kwargs)
    if any(a is not b for a, b in zip(getattr(opt, "params", []), mine, strict=False)):
        fail(f"{name} must keep the very arrays it was given")
    ref_params = [np.array(p, dtype=float) for p in params]
    ref = reference(ref_params, **kwargs)
    for k in range(steps):
        before = [p.copy() for p in mine]
        call(opt.step, grad(mine), name=f"{name}.step")
        ref.step(grad(ref_params))
        if all(np.array_equal(b, p) for b, p in zip(before, mine, strict=True)):
            fail(f"{name}.step did not change the parameters")
        for p, r in zip(mine, ref_params, strict=True):
            expect_array(p, r, name=f"{name} after step {k + 1}")
    if getattr(opt, "t", steps) != steps:
        fail(f"{name}.t is {opt.t} after {steps} steps")
