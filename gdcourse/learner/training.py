"""Checks for code that trains: optimizers whose learning rate changes, training histories,
lists of numbers, parameters that must come back unchanged, and a time budget.

- :func:`expect_steps` runs the learner's optimizer beside the reference, with the learning
  rate set before each step as a schedule or a range test sets it, and names a known mistake
  (a model of it, run alongside) when the learner's steps match it; a step that turns the
  parameters into NaN or infinity is reported at that step, for the gradients given;
- :func:`expect_history` compares a training history (a dict of per-epoch lists) with the
  expected one and names the first entry that differs, or the mistake whose history it is;
- :func:`expect_numbers` compares a short list of numbers (one per parameter array, say);
- :func:`expect_restored` fails when arrays that a function must leave as it found them have
  changed;
- :func:`timed_call` runs the learner's function on one BLAS thread and stops and fails it once
  it has used more CPU time than a budget allows, before the autograder's cell timeout would cut
  it off.

Mistake models passed to these checks run only when the learner's result differs from the
expected one, so a right answer costs one reference run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from . import guard
from .calling import call
from .compare import as_number, expect_array
from .failures import fail


@contextlib.contextmanager
def one_thread():
    """Limit BLAS to one thread while the block runs (if threadpoolctl is installed).

    A tiny network's matrix products are faster on one thread, and the CPU time measured is
    the work done rather than threads waiting for a busy machine.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # not installed: run as it is
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


class _OverBudget(BaseException):
    """The learner's call ran out of CPU time (a BaseException, as KeyboardInterrupt is, so that
    an ``except Exception`` in the learner's code does not swallow it)."""


_COURSE = os.path.dirname(os.path.abspath(__file__))  # the checks' own frames
_MODELS = os.path.join(_COURSE, "mistakes")  # the models a learner's code may run on


def _stop_in_learner_code(signum, frame):
    """SIGPROF's handler: stop the call, unless the checks' own bookkeeping is running (it
    puts back what it patched): then ring again a moment later."""
    path = os.path.abspath(frame.f_code.co_filename) if frame is not None else ""
    if path.startswith(_COURSE) and not path.startswith(_MODELS):
        signal.setitimer(signal.ITIMER_PROF, 0.01)
        return
    raise _OverBudget


def timed_call(func: Callable, *args, name: str, limit: float, forbid: Iterable = (),
               what: str = "", **kwargs):
    """Call the learner's ``func`` through :func:`~.calling.call`; return ``(result, seconds)``.

    ``seconds`` is the CPU time the call used, on one BLAS thread. Fails when it exceeds
    ``limit``: ``what`` says what the budget is for ("training the final network"). In the main
    thread of a POSIX process the call is stopped once it has used ``limit`` seconds (a CPU-time
    alarm, SIGPROF), so a run far over the budget costs the budget, not the autograder's cell
    timeout; elsewhere it runs to its end and is failed then.
    """
    __tracebackhide__ = True
    alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    stopped = False
    with one_thread():
        start = time.process_time()
        if alarm:
            previous = signal.signal(signal.SIGPROF, _stop_in_learner_code)
            signal.setitimer(signal.ITIMER_PROF, limit)
        try:
            result = call(func, *args, name=name, forbid=forbid, **kwargs)
        except _OverBudget:
            stopped = True
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous)
        seconds = time.process_time() - start
    if stopped or seconds > limit:
        took = f"was stopped after {seconds:.1f} s" if stopped else f"took {seconds:.1f} s"
        fail(f"{name} {took} of CPU time{' for ' + what if what else ''}; the budget is "
             f"{limit:g} s. Train for fewer epochs, or vectorise the loops over examples (one "
             "matrix product per batch, not one per example).")
    return result, seconds


def expect_restored(arrays: Sequence[np.ndarray], before: Sequence[np.ndarray], *, name: str,
                    eps: float | None = None, atol: float = 1e-12) -> None:
    """Fail unless every array holds (to ``atol``) the values it held before: ``before``.

    With ``eps``, a change of exactly ±eps is recognised as a perturbation not undone.
    """
    __tracebackhide__ = True
    for i, (a, b) in enumerate(zip(arrays, before, strict=True)):
        if a.shape == b.shape and np.allclose(a, b, rtol=0.0, atol=atol):
            continue
        diff = np.asarray(a, dtype=float) - b
        if eps is not None and a.shape == b.shape and \
                np.allclose(np.abs(diff[diff != 0]), eps, rtol=1e-6):
            fail(f"{name} left parameter array {i} changed by ±eps = {eps:g} in "
                 f"{int(np.sum(diff != 0))} entries: after evaluating J at θ + ε and θ - ε, "
                 "put each entry back to the value it had (keep it in a variable first).")
        fail(f"{name} changed the model's parameters (array {i}, largest change "
             f"{float(np.max(np.abs(diff))) if diff.size else 0:.3g}). It must leave them as it "
             "found them: a check that moves the weights changes the network it checks.")


def expect_numbers(actual, expected: Sequence[float], *, name: str, what: str,
                   mistakes: Mapping[str, Sequence[float]] | None = None, rtol: float = 1e-3,
                   small: float | None = None, bound: float | None = None) -> None:
    """Compare a list of numbers with ``expected`` (relative tolerance ``rtol``).

    With ``small``, an expected value at most ``small`` only needs the learner's value to be at
    most ``bound`` (default ``small``): round-off decides the digits below it, and another valid
    order of operations rounds differently. ``mistakes`` maps a message to the list a known
    mistake gives (or to a function returning it, called only when the values differ).
    """
    bound = small if bound is None else bound
    __tracebackhide__ = True
    guard.check()
    if not isinstance(actual, (list, tuple, np.ndarray)):
        fail(f"{name} returned a {type(actual).__name__}; it should return a list of "
             f"{len(expected)} numbers ({what}).")
    values = [as_number(v, name=name, what=f"entry {i} of its list")
              for i, v in enumerate(actual)]
    if len(values) != len(expected):
        fail(f"{name} returned {len(values)} numbers; {what} are {len(expected)} numbers, one "
             "per parameter array of the model, in the order of model.parameters().")

    def same(got, want):
        if len(got) != len(want):
            return False
        for g, w in zip(got, want, strict=True):
            if small is not None and w <= small:
                if not (np.isfinite(g) and g <= bound):
                    return False
            elif not np.isclose(g, w, rtol=rtol, atol=0.0, equal_nan=True):
                return False
        return True

    if same(values, expected):
        return
    for message, wrong in (mistakes or {}).items():
        wrong = wrong() if callable(wrong) else wrong  # models run only when needed
        if same(values, [float(w) for w in wrong]):
            fail(f"{name}: {message}")
    i = next(k for k, (g, w) in enumerate(zip(values, expected, strict=True))
             if not same([g], [w]))
    want = expected[i]
    shown = f"at most {bound:g}" if small is not None and want <= small else f"{want:.4g}"
    fail(f"{name}: {what} are wrong. Entry {i} (parameter array {i}) is {values[i]:.4g}, "
         f"expected {shown}.")


def _trajectory(make, params, kwargs, grad, steps, lrs) -> tuple[np.ndarray, int | None]:
    """Displacements θ_t - θ_0 after each step, and the first step that gave NaN/inf."""
    ps = [np.array(p, dtype=float) for p in params]
    opt = make(ps, **kwargs)
    out, bad = [], None
    with np.errstate(all="ignore"):
        for k in range(steps):
            if lrs is not None:
                opt.lr = lrs[k]
            opt.step(grad(ps))
            flat = np.concatenate([(p - p0).ravel() for p, p0 in zip(ps, params, strict=True)])
            if bad is None and not np.all(np.isfinite(flat)):
                bad = k + 1
            out.append(flat)
    return np.stack(out), bad


def expect_steps(make: Callable, reference: Callable, *, name: str, kwargs: Mapping,
                 params: Sequence[np.ndarray], grad: Callable, steps: int = 4,
                 lrs: Sequence[float] | None = None, forbid: Iterable = (),
                 mistakes: Mapping[str, Callable] | None = None, rtol: float = 1e-6,
                 atol: float = 1e-12) -> None:
    """Run the learner's optimizer class and the reference side by side for ``steps`` steps.

    Parameters
    ----------
    make, reference : callable
        Called as ``make(params, **kwargs)``; the instance updates its params in place on
        ``opt.step(grads)``.
    params : list of ndarray
        θ_0 (copied, never changed).
    grad : callable
        ``grad(params) -> list of arrays`` at the current params.
    lrs : list of float, optional
        ``opt.lr`` is set to ``lrs[k]`` before step k (a schedule, a range test).
    mistakes : mapping of message -> optimizer class
        Models of known mistakes, run alongside: when the learner's steps match one (and not
        the reference), its message is the hint.
    rtol, atol : float
        Tolerance on the displacement θ_t - θ_0 after every step.
    """
    __tracebackhide__ = True
    guard.check()
    mine = [np.array(p, dtype=float) for p in params]
    opt = call(make, mine, name=name, forbid=forbid, **kwargs)
    if not callable(getattr(opt, "step", None)):
        fail(f"{name} has no step method: keep the `def step(self, grads):` line.")
    ours, _ = _trajectory(reference, params, kwargs, grad, steps, lrs)
    cache: dict = {}

    def models():  # the mistakes' trajectories, run only when the learner's steps differ
        if not cache:
            cache.update({msg: _trajectory(m, params, kwargs, grad, steps, lrs)
                          for msg, m in (mistakes or {}).items()})
        return cache

    theirs = []
    schedule = "" if lrs is None else " (with opt.lr set to " + \
        ", ".join(f"{lr:g}" for lr in lrs[:steps]) + " before steps 1, 2, ...)"
    for k in range(steps):
        if lrs is not None:
            opt.lr = lrs[k]
        before = [p.copy() for p in mine]
        with np.errstate(all="ignore"):
            call(opt.step, grad(mine), name=f"{name}.step", forbid=forbid)
        if all(np.array_equal(b, p) for b, p in zip(before, mine, strict=True)):
            fail(f"{name}.step did not change the parameters. Update each array of "
                 "self.params in place (`p -= lr * ...`); `p = p - ...` only rebinds a local "
                 "name and leaves the caller's array as it was.")
        flat = np.concatenate([(p - np.asarray(p0)).ravel()
                               for p, p0 in zip(mine, params, strict=True)])
        theirs.append(flat)
        if not np.all(np.isfinite(flat)):
            for msg, (traj, _) in models().items():  # same NaN and inf entries, rest equal
                row = traj[k]
                if np.array_equal(np.isnan(row), np.isnan(flat)) and \
                        np.array_equal(np.isinf(row), np.isinf(flat)) and \
                        np.allclose(row, flat, rtol=rtol, atol=atol, equal_nan=True):
                    fail(f"{name}: {msg}")
            fail(f"{name}: after step {k + 1} the parameters hold NaN or infinity, for finite "
                 f"gradients{schedule}. Print each quantity of your update at that step to see "
                 "which one is not finite first (a division by zero, a square root of a "
                 "negative number).")
    got = np.stack(theirs)
    if got.shape == ours.shape and np.allclose(got, ours, rtol=rtol, atol=atol):
        return
    wrong = {msg: traj for msg, (traj, _) in models().items()}
    expect_array(got, ours, name=name, mistakes=wrong, rtol=rtol, atol=atol,
                 what=f"the change of the parameters over {steps} steps{schedule}")


HISTORY_KEYS = ("train_loss", "train_accuracy", "val_loss", "val_accuracy")


def check_history(history, *, name: str, epochs: int,
                  keys: Sequence[str] = HISTORY_KEYS) -> dict[str, np.ndarray]:
    """Fail unless ``history`` is a dict with ``keys``, each ``epochs`` numbers; return arrays."""
    __tracebackhide__ = True
    if not isinstance(history, Mapping):
        fail(f"{name} should return a dict of lists (keys {', '.join(map(repr, keys))}), got a "
             f"{type(history).__name__}.")
    missing = [k for k in keys if k not in history]
    if missing:
        fail(f"{name}'s history lacks the key(s) {', '.join(map(repr, missing))}; it needs "
             f"{', '.join(map(repr, keys))}, one list each.")
    out = {}
    for k in keys:
        try:
            values = np.asarray(history[k], dtype=float)
        except (TypeError, ValueError):
            fail(f"{name}: history[{k!r}] should be a list of numbers, one per epoch.")
        if values.ndim != 1 or len(values) != epochs:
            fail(f"{name}: history[{k!r}] has {values.size} entries for epochs={epochs}; record "
                 "one number per epoch, after the epoch's last step.")
        out[k] = values
    return out


def expect_history(history, expected: Mapping[str, Sequence[float]], *, name: str,
                   epochs: int, mistakes: Mapping[str, Mapping] | None = None,
                   note: str | None = None, rtol: float = 1e-7, atol: float = 1e-10) -> None:
    """Compare a training history with the expected one, key by key and epoch by epoch.

    ``mistakes`` maps a message to the history that a known mistake produces (or to a function
    returning it, called only when the history differs from ``expected``); a history that
    matches one of them gets that message. ``note`` (something else the test observed) is added
    to the message when no mistake matched.
    """
    __tracebackhide__ = True
    guard.check()
    keys = list(expected)
    got = check_history(history, name=name, epochs=epochs, keys=keys)
    want = {k: np.asarray(v, dtype=float) for k, v in expected.items()}

    def matches(ref):
        return all(np.allclose(got[k], np.asarray(ref[k], dtype=float), rtol=rtol, atol=atol,
                               equal_nan=True) for k in keys)

    if matches(want):
        return
    for message, ref in (mistakes or {}).items():
        if matches(ref() if callable(ref) else ref):  # models run only when needed
            fail(f"{name}: {message}")
    for epoch in range(epochs):
        for k in keys:
            if not np.isclose(got[k][epoch], want[k][epoch], rtol=rtol, atol=atol):
                fail(f"{name}: history[{k!r}] after epoch {epoch + 1} is {got[k][epoch]:.6g}, "
                     f"expected {want[k][epoch]:.6g} (the first entry that differs; the "
                     "entries before it agree)." + (f" Also, {note}." if note else ""))
