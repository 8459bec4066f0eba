"""Gradients of parameter arrays: backpropagation's shape bugs, and changes made in place.

- :func:`expect_grad` compares the gradient of one parameter array, recognising a bias gradient
  that was not summed over the batch and a weight gradient that is transposed;
- :func:`expect_in_place` checks a function that is documented to change its array arguments
  in place (gradient clipping): the very same arrays must hold the expected values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .compare import expect_array
from .failures import fail


def expect_grad(actual, expected, *, name: str, what: str, batch: int | None = None,
                mistakes: Mapping | None = None, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Like :func:`~.compare.expect_array` for dJ/dθ of one parameter array θ.

    Before comparing values it explains the two classic shape bugs of backpropagation: a bias
    gradient with one row per example (not summed over the batch) and a transposed weight
    gradient. ``what`` names the gradient (``"dW1"``).
    """
    __tracebackhide__ = True
    if actual is None:
        fail(f"{name} returned None for {what}: did you forget to return it?")
    expected = np.asarray(expected, dtype=float)
    shape = np.shape(actual)
    if expected.ndim == 1 and len(shape) == 2 and shape[1:] == expected.shape:
        fail(f"{name}: {what} has shape {shape}, one row per example, but the bias has shape "
             f"{expected.shape}. The same bias is added to every row of the batch, so its "
             f"gradient is the sum of the rows: {what} = (gradient of the layer's output)"
             ".sum(axis=0).")
    if expected.ndim == 2 and shape == expected.T.shape and shape != expected.shape:
        fail(f"{name}: {what} has shape {shape} but the weights have shape {expected.shape}: "
             "it is transposed. A gradient has the shape of its parameter: for y = x @ W the "
             "weight gradient is x.T @ (dJ/dy), shape (inputs, outputs).")
    expect_array(actual, expected, name=name, what=what, batch=batch, mistakes=mistakes,
                 rtol=rtol, atol=atol)


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
        Results of known mistakes, compared with the concatenated values.
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
    flat = np.concatenate([np.ravel(a) for a in originals]) if originals else np.zeros(0)
    ref = np.concatenate([np.ravel(e) for e in wanted]) if wanted else np.zeros(0)
    wrong = {msg: np.concatenate([np.ravel(np.asarray(w, dtype=float)) for w in value])
             for msg, value in (mistakes or {}).items()}
    expect_array(flat, ref, name=name, what="the gradients after the call (all entries, "
                 "array after array)", mistakes=wrong, rtol=rtol, atol=atol)
