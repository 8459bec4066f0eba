"""An optimizer written by the learner, run side by side with the reference.

:func:`expect_optimizer` runs both from the same start on the same gradients and names a
known mistake when the learner's steps match one; otherwise it reports the first step at which
the two part, and where. :func:`agrees` asks the same question without failing, so that a
test of one feature (Nesterov, weight decay) can grade it on top of the learner's own steps
when an earlier feature is wrong, and a mistake costs points once.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from . import guard
from .calling import call
from .compare import _mistake_match, expect_finite
from .failures import CheckFailed, ReferenceUsed, Tampering, fail


def expect_optimizer(make: Callable, reference: Callable, *, name: str, kwargs: Mapping,
                     params: list[np.ndarray], grad: Callable, steps: int = 3,
                     forbid: Iterable = (), mistakes: Mapping | None = None,
                     nonfinite: str | None = None, rtol: float = 1e-7,
                     atol: float = 1e-12) -> None:
    """Run the learner's optimizer and the reference side by side for ``steps`` steps.

    Parameters
    ----------
    make, reference : callable
        Optimizer classes (or factories) called as ``make(params, **kwargs)``; the
        instances update their params in place on ``opt.step(grads)``.
    params : list of float ndarray
        Starting point θ_0 (copied, never changed).
    grad : callable
        ``grad(params) -> list of arrays``, the gradients at the current params.
    mistakes : mapping of message -> factory
        Optimizers that make a known mistake, run alongside to recognise it.
    nonfinite : str, optional
        What a NaN or infinity in the parameters means for this test.
    rtol, atol : float
        Tolerances on the parameters' displacement θ_t - θ_0 after every step.

    Compares the displacement θ_t - θ_0 after every step, so a step in the wrong direction
    is reported as such, and a difference is reported at the first step where it appears.
    """
    __tracebackhide__ = True
    guard.check()
    theirs = _their_trajectory(make, name, kwargs, params, grad, steps, forbid)
    ours = _trajectory(reference, params, kwargs, grad, steps)
    wrong = {msg: functools.partial(_trajectory, m, params, kwargs, grad, steps)
             for msg, m in (mistakes or {}).items()}
    if np.allclose(theirs, ours, rtol=rtol, atol=atol):
        return
    hint = _mistake_match(theirs, wrong, rtol, atol)
    if hint:
        fail(f"{name}: {hint}")
    bad = ~np.isfinite(theirs)
    if np.any(bad):
        t = int(np.argmax(bad.any(axis=1)))
        expect_finite(theirs[t], name=name, what=f"a parameter after step {t + 1}",
                      hint=nonfinite)
    differs = ~np.isclose(theirs, ours, rtol=rtol, atol=atol)
    t = int(np.argmax(differs.any(axis=1)))
    k = int(np.argmax(np.abs(theirs[t] - ours[t]) - rtol * np.abs(ours[t])))
    where = _entry(params, k)
    before = {0: "", 1: "step 1 matches, "}.get(t, f"steps 1 to {t} match, ")
    first = _first_step(theirs[0], ours[0]) if t == 0 else ""
    fail(f"{name}: {before}step {t + 1} does not: after it, {where} has moved by "
         f"{theirs[t, k]:.8g} from the start, expected {ours[t, k]:.8g}.{first}")


def _entry(params, k: int) -> str:
    """Where entry k of the concatenated parameters sits, in words."""
    for i, p in enumerate(params):
        p = np.asarray(p)
        if k < p.size:
            idx = tuple(int(j) for j in np.unravel_index(k, p.shape)) if p.ndim else ()
            return f"params[{i}][{', '.join(map(str, idx))}]" if idx else f"params[{i}]"
        k -= p.size
    return "a parameter"  # pragma: no cover - k is within the parameters


def _first_step(mine: np.ndarray, ref: np.ndarray) -> str:
    """Observed relation of the first step to the expected one, when it is a plain one."""
    mask = np.abs(ref) > 1e-12
    if np.count_nonzero(mask) < 2:
        return ""
    r = mine[mask] / ref[mask]
    if np.allclose(r, -1.0, rtol=1e-6):
        return (" The first step has the right size but goes the opposite way: the parameters "
                "move uphill. The step subtracts: θ ← θ - η·(direction).")
    if np.allclose(r, r[0], rtol=1e-6) and np.isfinite(r[0]):
        return f" The whole first step is {r[0]:.6g} times the expected one."
    return ""


def _their_trajectory(make, name, kwargs, params, grad, steps, forbid) -> np.ndarray:
    __tracebackhide__ = True
    mine = [np.array(p, dtype=float) for p in params]
    opt = call(make, mine, name=name, forbid=forbid, **kwargs)
    step = getattr(opt, "step", None)
    if not callable(step):
        fail(f"{name} has no step method: keep the `def step(self, grads):` line.")
    if any(a is not b for a, b in zip(getattr(opt, "params", mine), mine, strict=False)):
        fail(f"{name} must update the very arrays it was given (self.params holds them), "
             "in place: write `p -= ...`, not `p = p - ...`.")
    try:
        names = list(inspect.signature(step).parameters)
    except (TypeError, ValueError):
        names = []
    kept = {n: "changed the gradient arrays it was given. Compute into a new array "
               "(g = g + ω * p, not g += ω * p): the caller may still need the gradients."
            for n in names}
    out = []
    for _ in range(steps):
        before = [p.copy() for p in mine]
        call(step, grad(mine), name=f"{name}.step", forbid=forbid, changed_hint=kept)
        if all(np.array_equal(b, p, equal_nan=True) for b, p in zip(before, mine, strict=False)):
            fail(f"{name}.step did not change the parameters. Update each array of "
                 "self.params in place (`p -= lr * ...`); rebinding `p = p - ...` only "
                 "changes a local name.")
        out.append(np.concatenate([(p - np.asarray(p0)).ravel()
                                   for p, p0 in zip(mine, params, strict=True)]))
        if not np.all(np.isfinite(out[-1])):  # NaN stays NaN: the rest of the run is NaN
            out += [np.full_like(out[-1], np.nan)] * (steps - len(out))
            break
    return np.stack(out)


def agrees(make: Callable, reference: Callable, *, name: str, kwargs: Mapping,
           params: list[np.ndarray], grad: Callable, steps: int = 3, forbid: Iterable = (),
           rtol: float = 1e-7, atol: float = 1e-12) -> bool:
    """Whether the learner's optimizer moves as ``reference`` does (no failure, no message).

    A test of a later feature calls it to decide what to grade against. Using the reference
    implementation or tampering still fails (:class:`ReferenceUsed`, :class:`Tampering`).
    """
    __tracebackhide__ = True
    try:
        expect_optimizer(make, reference, name=name, kwargs=kwargs, params=params, grad=grad,
                         steps=steps, forbid=forbid, rtol=rtol, atol=atol)
    except (ReferenceUsed, Tampering):
        raise
    except CheckFailed:
        return False
    return True


def runs(make: Callable, *, kwargs: Mapping, params: list[np.ndarray], grad: Callable,
         steps: int = 3) -> bool:
    """Whether ``make(params, **kwargs)`` takes ``steps`` steps without raising, each step
    moving the parameters to finite values: then a learner's optimizer can serve as the base
    of a later feature's reference."""
    try:
        path = _trajectory(make, params, kwargs, grad, steps)
    except Exception:  # noqa: BLE001 (their code failed: it cannot be the base)
        return False
    moves = np.diff(np.vstack([np.zeros(path.shape[1]), path]), axis=0)
    return bool(np.all(np.isfinite(path)) and np.all(np.any(moves != 0, axis=1)))


def _trajectory(make, params, kwargs, grad, steps) -> np.ndarray:
    ps = [np.array(p, dtype=float) for p in params]
    opt = make(ps, **kwargs)
    out = []
    with np.errstate(all="ignore"):  # a model of a mistake may overflow: that is its result
        for _ in range(steps):
            opt.step(grad(ps))
            out.append(np.concatenate([(p - p0).ravel()
                                       for p, p0 in zip(ps, params, strict=False)]))
    return np.stack(out)
