"""An optimizer written by the learner, run side by side with the reference."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from . import guard
from .calling import call
from .compare import expect_array
from .failures import fail


def expect_optimizer(make: Callable, reference: Callable, *, name: str, kwargs: Mapping,
                     params: list[np.ndarray], grad: Callable, steps: int = 3,
                     forbid: Iterable = (), mistakes: Mapping | None = None) -> None:
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

    Compares the displacement θ_t - θ_0 after every step, so a step in the wrong direction
    is reported as such.
    """
    __tracebackhide__ = True
    guard.check()
    mine = [np.array(p, dtype=float) for p in params]
    opt = call(make, mine, name=name, forbid=forbid, **kwargs)
    step = getattr(opt, "step", None)
    if not callable(step):
        fail(f"{name} has no step method: keep the `def step(self, grads):` line.")
    if any(a is not b for a, b in zip(getattr(opt, "params", mine), mine, strict=False)):
        fail(f"{name} must update the very arrays it was given (self.params holds them), "
             "in place: write `p -= ...`, not `p = p - ...`.")
    ours = _trajectory(reference, params, kwargs, grad, steps)
    theirs = []
    for _ in range(steps):
        before = [p.copy() for p in mine]
        call(step, grad(mine), name=f"{name}.step", forbid=forbid)
        if all(np.array_equal(b, p) for b, p in zip(before, mine, strict=False)):
            fail(f"{name}.step did not change the parameters. Update each array of "
                 "self.params in place (`p -= lr * ...`); rebinding `p = p - ...` only "
                 "changes a local name.")
        theirs.append(np.concatenate([(p - np.asarray(p0)).ravel()
                                      for p, p0 in zip(mine, params, strict=True)]))
    wrong = {msg: functools.partial(_trajectory, m, params, kwargs, grad, steps)
             for msg, m in (mistakes or {}).items()}
    expect_array(np.stack(theirs), ours, name=name, mistakes=wrong,
                 what=f"the change of the parameters over {steps} steps", rtol=1e-7,
                 atol=1e-12)


def _trajectory(make, params, kwargs, grad, steps) -> np.ndarray:
    ps = [np.array(p, dtype=float) for p in params]
    opt = make(ps, **kwargs)
    out = []
    for _ in range(steps):
        opt.step(grad(ps))
        out.append(np.concatenate([(p - p0).ravel() for p, p0 in zip(ps, params, strict=False)]))
    return np.stack(out)


