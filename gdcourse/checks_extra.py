"""More checks for the exercises' test cells, in the spirit of :mod:`gdcourse.checks`.

- :func:`expect_in_place` checks a function that is documented to change its array arguments
  in place (gradient clipping): the very same arrays must hold the expected values.
- :func:`expect_spread` checks random initial weights by their statistics (spread, bound,
  family), and names the textbook mistakes (Xavier with fan_in only, He without its 2, ...).
- :func:`expect_grad` compares the gradient of one parameter array, recognising a bias gradient
  that was not summed over the batch and a weight gradient that is transposed.
- :func:`expect_choice` grades a function that answers with one of a few words
  ("vanishing", "divergent", ...).

Each fails with :class:`gdcourse.checks.CheckFailed` and a message that says what is wrong and
what to check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .checks import expect_array, fail

__all__ = ["expect_grad", "expect_in_place", "expect_spread", "expect_choice"]


def expect_grad(actual, expected, *, name: str, what: str, batch: int | None = None,
                mistakes: Mapping | None = None, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Like :func:`gdcourse.checks.expect_array` for dJ/dθ of one parameter array θ.

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


def _kurtosis(x: np.ndarray) -> float:
    d = x - x.mean()
    return float(np.mean(d**4) / np.mean(d**2) ** 2)


def expect_spread(W, *, name: str, shape: tuple[int, ...], std: float, kind: str,
                  mistakes: Mapping[str, float] | None = None, rtol: float = 0.03) -> None:
    """Check random weights ``W`` by their statistics.

    Parameters
    ----------
    W : array_like
        The learner's weights, a large enough sample (thousands of entries) for the
        standard deviation to be estimated within ``rtol``.
    shape : tuple of int
        The shape ``W`` must have.
    std : float
        The standard deviation the scheme prescribes.
    kind : {"uniform", "normal"}
        The family: a uniform ``U(-a, a)`` has ``a = √3·std`` and no entry beyond it.
    mistakes : mapping of message -> std, optional
        Standard deviations that known mistakes produce; the nearest one within ``rtol`` names
        the mistake.
    """
    __tracebackhide__ = True
    if W is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    try:
        w = np.asarray(W, dtype=float)
    except (TypeError, ValueError):
        fail(f"{name} returned a {type(W).__name__}, expected an array of shape {shape}.")
    if w.shape != tuple(shape):
        hint = " (fan_in rows, fan_out columns)" if len(shape) == 2 else ""
        fail(f"{name} returned shape {w.shape}, expected {tuple(shape)}{hint}: the weights of "
             "a layer y = x @ W + b have shape (fan_in, fan_out).")
    if not np.all(np.isfinite(w)):
        fail(f"{name} returned NaN or infinity; check the formula of the spread.")
    if np.all(w == w.flat[0]):
        fail(f"{name} returned {w.size} equal values: the weights must be random (draw them "
             "with the `rng` you are given), or every hidden unit stays identical.")
    measured = float(w.std())
    if abs(float(w.mean())) > 6 * std / np.sqrt(w.size) + 1e-12:
        fail(f"{name}: the weights have mean {float(w.mean()):.3g}; they should be centred "
             "on 0 (U(-a, a) or N(0, σ²)).")
    if not np.isclose(measured, std, rtol=rtol):
        for message, wrong in (mistakes or {}).items():
            if np.isclose(measured, wrong, rtol=rtol):
                fail(f"{name}: {message}")
        fail(f"{name}: the weights have standard deviation {measured:.4g}, but this scheme "
             f"prescribes {std:.4g} for these fans. Check the formula of the spread: which "
             "fans it uses, the constant in the numerator, and the square root.")
    k = _kurtosis(w.ravel())
    if kind == "uniform":
        a = np.sqrt(3.0) * std
        if np.max(np.abs(w)) > a * (1 + 1e-9) or k > 2.4:
            fail(f"{name}: the weights look normally distributed (some lie beyond ±{a:.4g}); "
                 "this scheme draws them uniformly from U(-a, a): use rng.uniform(-a, a, size).")
    elif kind == "normal":
        if k < 2.4:
            fail(f"{name}: the weights look uniformly distributed; this scheme draws them from "
                 "a normal distribution N(0, σ²): use rng.normal(0.0, σ, size).")
    else:  # pragma: no cover - a test's mistake
        raise ValueError(f"kind must be 'uniform' or 'normal', got {kind!r}")


def expect_choice(actual, expected: str, *, name: str, choices: Sequence[str],
                  case: str = "", why: Mapping[str, str] | None = None) -> None:
    """Fail unless ``actual`` is the word ``expected`` (one of ``choices``).

    ``case`` describes the input in words ("loss rising to inf") for the message; ``why``
    maps a wrong answer to the explanation of why it is wrong for this input.
    """
    __tracebackhide__ = True
    listed = ", ".join(repr(c) for c in choices)
    if actual is None:
        fail(f"{name} returned None: did you forget the `return` statement?")
    if not isinstance(actual, str) or actual not in choices:
        fail(f"{name} returned {actual!r}; it must return exactly one of {listed}.")
    if actual == expected:
        return
    about = f" for {case}" if case else ""
    reason = (why or {}).get(actual, "")
    fail(f"{name} returned {actual!r}{about}, but the answer is {expected!r}."
         + (f" {reason}" if reason else " Apply the rules of the task in the order given."))
