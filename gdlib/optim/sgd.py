r"""Stochastic gradient descent, with optional (Nesterov) momentum and L2 weight decay."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .._validate import check_in_range, check_positive
from .optimizer import Optimizer


class SGD(Optimizer):
    r"""Stochastic gradient descent with optional (Nesterov) momentum.

    Derived in :ref:`one-step-downhill` (plain steps) and :ref:`momentum-and-adaptive-methods`
    (momentum, Nesterov):

    .. math::

        g_t &\leftarrow g_t + \omega\, \theta_{t-1} \\
        v_t &= \mu\, v_{t-1} + g_t, \quad v_0 = 0 \\
        \theta_t &= \theta_{t-1} - \eta\, v_t
        \quad (\text{Nesterov: } \theta_t = \theta_{t-1} - \eta\,(g_t + \mu\, v_t))

    With ``momentum=0`` this is plain gradient descent θ_t = θ_{t-1} - η g_t.

    Parameters
    ----------
    params : iterable of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float
        Learning rate η > 0.
    momentum : float, default 0.0
        μ in [0, 1).
    nesterov : bool, default False
        Use Nesterov momentum (requires ``momentum > 0``).
    weight_decay : float, default 0.0
        ω ≥ 0, the L2 penalty (ω/2)‖θ‖² added to J, so ωθ is added to the gradient.

    Attributes
    ----------
    state : dict
        ``state["momentum_buffer"][i]`` is v_t of param i (only when ``momentum > 0``).

    Notes
    -----
    Matches ``torch.optim.SGD`` with ``dampening=0`` (its first buffer v_1 = g_1 equals
    μ·0 + g_1). Another common convention is v_t = μ v_{t-1} - η g_t, θ_t = θ_{t-1} + v_t;
    it gives the same iterates while η is constant but differs once η changes, because
    there η is folded into the velocity.

    Examples
    --------
    >>> theta = np.array([1.0, -2.0])
    >>> opt = SGD([theta], lr=0.1)
    >>> opt.step([2 * theta])  # J(θ) = ||θ||², g = 2θ
    >>> theta
    array([ 0.8, -1.6])
    """

    def __init__(
        self,
        params: Iterable[np.ndarray],
        lr: float,
        momentum: float = 0.0,
        nesterov: bool = False,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        self.momentum = check_in_range(momentum, "momentum", 0.0, 1.0)
        self.nesterov = bool(nesterov)
        if self.nesterov and self.momentum == 0.0:
            raise ValueError("nesterov=True requires momentum > 0, e.g. momentum=0.9")
        self.weight_decay = check_positive(weight_decay, "weight_decay", allow_zero=True)
        if self.momentum:
            self.state["momentum_buffer"] = self._zeros()

    def _update(self, i, p, g, lr):
        mu = self.momentum
        if self.weight_decay:
            g = g + self.weight_decay * p  # g_t ← g_t + ω θ_{t-1}
        if mu:
            v = self.state["momentum_buffer"][i]
            v[...] = mu * v + g  # v_t = μ v_{t-1} + g_t
            g = g + mu * v if self.nesterov else v  # the step direction: v_t (or g_t + μ v_t)
        p -= lr * g  # θ_t = θ_{t-1} - η v_t
