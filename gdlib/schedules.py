r"""Learning-rate schedules: callables ``step -> lr``; Chapter 5 (:ref:`learning-rate-schedules`).

A schedule maps the step index k = 0, 1, 2, ... (the number of updates already made) to the
learning rate η_k used for the next update; K is the total number of steps of a schedule that
ends. It plugs into an optimizer by assignment (the optimizer checks the value at each step)::

    for k in range(n_steps):
        opt.lr = schedule(k)
        opt.step(grads)

Every schedule here returns a positive η_k for every k, except :class:`CosineAnnealing`
with ``min_lr=0`` from ``k = total_steps`` on (then the optimizer refuses to step).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable

from ._validate import check_positive, check_positive_int

__all__ = [
    "Schedule",
    "Constant",
    "StepDecay",
    "ExponentialDecay",
    "CosineAnnealing",
    "LinearWarmup",
]


def _check_step(step) -> int:
    if isinstance(step, bool) or not isinstance(step, numbers.Integral):
        raise TypeError(f"step must be an integer, got {type(step).__name__}")
    if step < 0:
        raise ValueError(f"step must be non-negative (counted from 0), got {step}")
    return int(step)


def _check_gamma(gamma) -> float:
    gamma = check_positive(gamma, "gamma")
    if gamma > 1.0:
        raise ValueError(f"gamma must be in (0, 1] so the learning rate decays, got {gamma}")
    return gamma


class Schedule:
    """Base class of the schedules of :ref:`learning-rate-schedules`.

    ``schedule(step)`` validates ``step`` (an int ≥ 0) and returns η_step as a float;
    subclasses implement ``_lr(step)``.
    """

    def __call__(self, step: int) -> float:
        return float(self._lr(_check_step(step)))

    def _lr(self, step: int) -> float:
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class Constant(Schedule):
    r"""Constant learning rate, :math:`\eta_k = \eta`; see :ref:`learning-rate-schedules`.

    Parameters
    ----------
    lr : float
        η > 0.

    Examples
    --------
    >>> Constant(0.1)(1000)
    0.1
    """

    def __init__(self, lr: float) -> None:
        self.lr = check_positive(lr, "lr")

    def _lr(self, step: int) -> float:
        return self.lr


class StepDecay(Schedule):
    r"""Multiply η by γ every ``step_size`` steps; see :ref:`learning-rate-schedules`.

    .. math::

        \eta_k = \eta\, \gamma^{\lfloor k / \text{step\_size} \rfloor}

    Parameters
    ----------
    lr : float
        Initial η > 0.
    step_size : int
        Number of steps between decays, ≥ 1.
    gamma : float, default 0.1
        Decay factor γ in (0, 1].

    Notes
    -----
    Matches ``torch.optim.lr_scheduler.StepLR`` with k counted as it counts ``last_epoch``.

    Examples
    --------
    >>> [StepDecay(1.0, step_size=2, gamma=0.5)(k) for k in range(5)]
    [1.0, 1.0, 0.5, 0.5, 0.25]
    """

    def __init__(self, lr: float, step_size: int, gamma: float = 0.1) -> None:
        self.lr = check_positive(lr, "lr")
        self.step_size = check_positive_int(step_size, "step_size")
        self.gamma = _check_gamma(gamma)

    def _lr(self, step: int) -> float:
        return self.lr * self.gamma ** (step // self.step_size)


class ExponentialDecay(Schedule):
    r"""Multiply η by γ every step; see :ref:`learning-rate-schedules`.

    .. math::

        \eta_k = \eta\, \gamma^{k}

    Parameters
    ----------
    lr : float
        Initial η > 0.
    gamma : float
        Decay factor γ in (0, 1].

    Notes
    -----
    Matches ``torch.optim.lr_scheduler.ExponentialLR``. For very large k the value can
    underflow to 0, which the optimizer then rejects.
    """

    def __init__(self, lr: float, gamma: float) -> None:
        self.lr = check_positive(lr, "lr")
        self.gamma = _check_gamma(gamma)

    def _lr(self, step: int) -> float:
        return self.lr * self.gamma**step


class CosineAnnealing(Schedule):
    r"""Half a cosine from η down to η_min over ``total_steps``; see :ref:`learning-rate-schedules`.

    .. math::

        \eta_k = \eta_{\min} + \tfrac12 (\eta - \eta_{\min})
                 \left(1 + \cos\frac{\pi k}{K}\right) \quad (k < K), \qquad
        \eta_k = \eta_{\min} \quad (k \ge K)

    with K = ``total_steps``.

    Parameters
    ----------
    lr : float
        Initial η > 0 (the value at k = 0).
    total_steps : int
        K ≥ 1, the step at which η_min is reached.
    min_lr : float, default 0.0
        η_min in [0, η].

    Notes
    -----
    Matches ``torch.optim.lr_scheduler.CosineAnnealingLR`` with ``T_max=total_steps`` for
    k ≤ K; torch then rises again, while this schedule stays at η_min. A run of K steps
    (k = 0, ..., K-1) never uses η_min itself, so ``min_lr=0`` is safe for such a run.
    """

    def __init__(self, lr: float, total_steps: int, min_lr: float = 0.0) -> None:
        self.lr = check_positive(lr, "lr")
        self.total_steps = check_positive_int(total_steps, "total_steps")
        self.min_lr = check_positive(min_lr, "min_lr", allow_zero=True)
        if self.min_lr > self.lr:
            raise ValueError(f"min_lr ({self.min_lr}) must not exceed lr ({self.lr})")

    def _lr(self, step: int) -> float:
        if step >= self.total_steps:
            return self.min_lr
        cos = math.cos(math.pi * step / self.total_steps)
        return self.min_lr + 0.5 * (self.lr - self.min_lr) * (1.0 + cos)


class LinearWarmup(Schedule):
    r"""Linear warm-up over W steps, then another schedule; see :ref:`learning-rate-schedules`.

    .. math::

        \eta_k = \eta\, \frac{k + 1}{W} \quad (k < W), \qquad
        \eta_k = \text{after}(k - W) \quad (k \ge W)

    So the first update uses η/W, step W-1 uses the full η, and step W is step 0 of
    ``after`` (η itself when ``after`` is None).

    Parameters
    ----------
    lr : float
        Target η > 0 reached at step W-1.
    warmup_steps : int
        W ≥ 1.
    after : callable ``step -> lr``, optional
        Schedule used from step W on, shifted so it starts at its own step 0. For a smooth
        hand-over it should start at η, e.g. ``CosineAnnealing(lr, total - W)``.

    Examples
    --------
    >>> [LinearWarmup(1.0, warmup_steps=4)(k) for k in range(6)]
    [0.25, 0.5, 0.75, 1.0, 1.0, 1.0]
    """

    def __init__(self, lr: float, warmup_steps: int, after: Callable[[int], float] | None = None):
        self.lr = check_positive(lr, "lr")
        self.warmup_steps = check_positive_int(warmup_steps, "warmup_steps")
        if after is not None and not callable(after):
            raise TypeError(
                f"after must be a schedule (a callable step -> lr) or None, got {after!r}"
            )
        self.after = after

    def _lr(self, step: int) -> float:
        if step < self.warmup_steps:
            return self.lr * (step + 1) / self.warmup_steps
        if self.after is None:
            return self.lr
        return self.after(step - self.warmup_steps)
