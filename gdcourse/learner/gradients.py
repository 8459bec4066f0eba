"""Gradients of parameter arrays: backpropagation's shape bugs, and changes made in place.

- :func:`expect_grad` compares the gradient of one parameter array, recognising a gradient that
  was not summed over the batch (or averaged instead of summed), a transposed weight gradient,
  known mistakes, and, when it is given the numerical gradient, saying what a gradient check of
  the learner's result finds;
- :func:`expect_layer_grads` compares the (dW, db) pairs of every layer of a network, naming a
  mistake that explains all of them at once (a list in backward order, a wrong mask, ...);
- :func:`expect_in_place` checks a function that is documented to change its array arguments
  in place (gradient clipping): the very same arrays must hold the expected values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .compare import expect_array
from .failures import fail


def _as_float(value):
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None


def _named(actual, mistakes: Mapping | None, rtol: float, atol: float) -> str | None:
    """The message of the first mistake whose result ``actual`` equals (same shape)."""
    a = _as_float(actual)
    if a is None:
        return None
    for message, wrong in (mistakes or {}).items():
        w = _as_float(wrong() if callable(wrong) else wrong)
        if w is not None and w.shape == a.shape and np.allclose(a, w, rtol=rtol, atol=atol):
            return message
    return None


def _worst_relative_error(a: np.ndarray, b: np.ndarray) -> float:
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-12)
    return float(np.max(np.abs(a - b) / scale)) if a.size else 0.0


def expect_grad(actual, expected, *, name: str, what: str, batch: int | None = None,
                mistakes: Mapping | None = None, rtol: float = 1e-6, atol: float = 1e-9,
                numerical=None) -> None:
    """Like :func:`~.compare.expect_array` for dJ/dθ of one parameter array θ.

    Before comparing values it explains the classic shape bugs of backpropagation: a gradient
    of a parameter shared by all rows (a bias, BatchNorm's γ and β) with one row per example,
    and a transposed weight gradient. ``what`` names the gradient (``"dW1"``).

    Parameters
    ----------
    batch : int, optional
        N. A one-dimensional gradient N times too small is then reported as a mean over the
        batch where a sum belongs.
    mistakes : mapping of message -> array (or zero-argument callable), optional
        Results of known mistakes; the first that ``actual`` matches names the mistake.
    numerical : array, optional
        The gradient by central differences. When ``actual`` is wrong and no known mistake
        explains it, the message reports the gradient check's largest relative error.
    """
    __tracebackhide__ = True
    if actual is None:
        fail(f"{name} returned None for {what}: did you forget to return it?")
    expected = np.asarray(expected, dtype=float)
    shape = np.shape(actual)
    if expected.ndim == 1 and len(shape) == 2 and shape[1:] == expected.shape:
        fail(f"{name}: {what} has shape {shape}, one row per example, but its parameter has "
             f"shape {expected.shape}. The same parameter acts on every row of the batch, so "
             f"its gradient is the sum of the rows' contributions: {what} = (the per-row "
             "terms).sum(axis=0).")
    if expected.ndim == 2 and shape == expected.T.shape and shape != expected.shape:
        fail(f"{name}: {what} has shape {shape} but the weights have shape {expected.shape}: "
             "it is transposed. A gradient has the shape of its parameter: for y = x @ W the "
             "weight gradient is x.T @ (dJ/dy), shape (inputs, outputs).")
    arr = _as_float(actual)
    if arr is not None and arr.shape == expected.shape \
            and not np.allclose(arr, expected, rtol=rtol, atol=atol):
        message = _named(arr, mistakes, rtol, atol)
        if message:
            fail(f"{name}: {message}")
        if batch and batch > 1 and expected.ndim == 1 \
                and np.allclose(arr * batch, expected, rtol=rtol, atol=atol * batch):
            fail(f"{name}: {what} is {batch} times too small: it is the mean over the batch. "
                 f"Its parameter acts on every one of the N = {batch} rows, so the gradient "
                 "is the sum of the rows' contributions (the loss's 1/N is already inside the "
                 "incoming gradient).")
        if numerical is not None and np.all(np.isfinite(arr)):
            num = np.asarray(numerical, dtype=float)
            i = np.unravel_index(int(np.argmax(np.abs(arr - expected))), arr.shape)
            fail(f"{name}: {what} fails a gradient check: its largest relative error against "
                 f"central differences is {_worst_relative_error(arr, num):.2g} (a right "
                 f"gradient stays below 1e-6). At index {tuple(int(k) for k in i)} it is "
                 f"{float(arr[i]):.6g}, the numerical gradient {float(num[i]):.6g}.")
    expect_array(actual, expected, name=name, what=what, batch=batch, rtol=rtol, atol=atol)


def expect_layer_grads(grads, expected: Sequence, *, name: str, batch: int | None = None,
                       mistakes: Mapping | None = None, rtol: float = 1e-6,
                       atol: float = 1e-9) -> None:
    """Compare a network's gradients, a list of (dW, db) pairs, one per layer, input first.

    Parameters
    ----------
    grads : the learner's list
    expected : list of (dW, db) pairs
    mistakes : mapping of message -> list of (dW, db) pairs, optional
        What known mistakes return; a mistake is named only when *every* array matches.
    """
    __tracebackhide__ = True
    layers = len(expected)
    if grads is None:
        fail(f"{name} returned None for the gradients: did you forget to return them?")
    if not isinstance(grads, (list, tuple)) or not all(
            isinstance(g, (list, tuple)) and len(g) == 2 for g in grads):
        fail(f"{name} should return the gradients as a list of (dW, db) pairs, one per layer "
             f"({layers} here), got a {type(grads).__name__}.")
    if len(grads) != layers:
        fail(f"{name} returned {len(grads)} (dW, db) pairs for a network of {layers} layers: "
             "return one pair per layer, for any number of layers (loop over them).")

    def flat(pairs):
        try:
            return [np.asarray(a, dtype=float) for pair in pairs for a in pair]
        except (TypeError, ValueError):
            return None

    def same(a, b):
        return a is not None and b is not None and len(a) == len(b) and all(
            x.shape == y.shape and np.allclose(x, y, rtol=rtol, atol=atol)
            for x, y in zip(a, b, strict=True))

    mine, ref = flat(grads), flat(expected)
    if same(mine, ref):
        return
    if layers > 1 and same(flat(list(grads)[::-1]), ref):
        fail(f"{name} returned the (dW, db) pairs in backward order, the last layer first: "
             "the backward pass visits the layers from the output to the input, so reverse "
             "the list (or insert each pair at the front) to return them in the order of "
             "params.")
    for message, wrong in (mistakes or {}).items():
        if same(mine, flat(wrong)) and not same(flat(wrong), ref):
            fail(f"{name}: {message}")
    for i, ((dW, db), (rW, rb)) in enumerate(zip(grads, expected, strict=True)):
        expect_grad(dW, rW, name=name, what=f"dW of layer {i + 1}", batch=batch, rtol=rtol,
                    atol=atol)
        expect_grad(db, rb, name=name, what=f"db of layer {i + 1}", batch=batch, rtol=rtol,
                    atol=atol)


def expect_in_place(arrays: Sequence[np.ndarray], originals: Sequence[np.ndarray],
                    before: Sequence[np.ndarray], expected: Sequence[np.ndarray], *,
                    name: str, mistakes: Mapping | None = None, rtol: float = 1e-6,
                    atol: float = 1e-12) -> None:
    """Fail unless the list ``arrays`` still holds ``originals``, now equal to ``expected``.

    Parameters
    ----------
    arrays : list of ndarray
        The list the learner's function received, after the call.
    originals : list of ndarray
        The array objects that list held before the call (``list(arrays)`` taken before).
    before : list of ndarray
        Copies of their values before the call.
    expected : list of ndarray
        The values they should hold now.
    name : str
        The learner's function, for the messages.
    mistakes : mapping of message -> list of arrays, optional
        Results of known mistakes, compared with the concatenated values. A mistake whose
        result equals the right one on this input is never named.
    """
    __tracebackhide__ = True
    if len(arrays) != len(originals):
        fail(f"{name} changed the length of the list it was given: it must change the arrays "
             "inside the list, not the list itself.")
    replaced = [i for i, (a, o) in enumerate(zip(arrays, originals, strict=True)) if a is not o]
    if replaced:
        fail(f"{name} put new arrays into the list (at index {replaced[0]}) instead of changing "
             f"the arrays themselves. Optimizers and models keep references to those arrays, so "
             f"they would never see the change: write `g *= scale` (or "
             f"`np.clip(g, lo, hi, out=g)`), not `grads[i] = g * scale`.")
    wanted = [np.asarray(e, dtype=float) for e in expected]
    moved = any(not np.array_equal(b, a) for b, a in zip(before, originals, strict=True))
    must_move = any(not np.allclose(b, e, rtol=rtol, atol=atol)
                    for b, e in zip(before, wanted, strict=True))
    if must_move and not moved:
        fail(f"{name} left the gradient arrays unchanged: it must change them in place. "
             "`g = g * scale` or `np.clip(g, lo, hi)` make new arrays and leave the caller's "
             "unchanged; write `g *= scale` or `np.clip(g, lo, hi, out=g)`.")

    def cat(values):
        return np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in values]) \
            if len(values) else np.zeros(0)

    flat, ref = cat(originals), cat(wanted)
    wrong = {}
    for msg, value in (mistakes or {}).items():
        w = cat(value)
        if not np.allclose(w, ref, rtol=rtol, atol=atol):
            wrong[msg] = w
    expect_array(flat, ref, name=name, what="the gradients after the call (all entries, "
                 "array after array)", mistakes=wrong, rtol=rtol, atol=atol)
