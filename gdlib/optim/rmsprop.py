r"""RMSprop: steps scaled by a moving average of the squared gradients."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .._validate import check_in_range, check_positive
from .optimizer import Optimizer


class RMSprop(Optimizer):
    r"""RMSprop: steps scaled by a moving average of squared gradients.

    Derived in :ref:`momentum-and-adaptive-methods`:

    .. math::

        s_t &= \alpha\, s_{t-1} + (1 - \alpha)\, g_t^2, \quad s_0 = 0 \\
        d_t &= \frac{g_t}{\sqrt{s_t} + \varepsilon} \\
        v_t &= \mu\, v_{t-1} + d_t, \quad v_0 = 0 \\
        \theta_t &= \theta_{t-1} - \eta\, v_t

    With ``momentum=0`` (the default) v_t = d_t: θ_t = θ_{t-1} - η g_t / (√s_t + ε).

    Parameters
    ----------
    params : iterable of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float, default 0.01
        Learning rate η > 0.
    alpha : float, default 0.99
        Decay α in [0, 1) of the squared-gradient average.
    eps : float, default 1e-8
        ε > 0, added to √s_t.
    momentum : float, default 0.0
        μ in [0, 1).

    Attributes
    ----------
    state : dict
        ``state["square_avg"][i]`` is s_t of param i; ``state["momentum_buffer"][i]`` is v_t
        (only when ``momentum > 0``).

    Notes
    -----
    Matches ``torch.optim.RMSprop`` with ``centered=False``, ``weight_decay=0``.

    Examples
    --------
    >>> theta = np.array([1.0])
    >>> RMSprop([theta], lr=0.1, alpha=0.75).step([np.array([2.0])])  # s_1 = 0.25·4 = 1
    >>> theta.round(6)
    array([0.8])
    """

    def __init__(
        self,
        params: Iterable[np.ndarray],
        lr: float = 0.01,
        alpha: float = 0.99,
        eps: float = 1e-8,
        momentum: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        self.alpha = check_in_range(alpha, "alpha", 0.0, 1.0)
        self.eps = check_positive(eps, "eps")
        self.momentum = check_in_range(momentum, "momentum", 0.0, 1.0)
        self.state["square_avg"] = self._zeros()
        if self.momentum:
            self.state["momentum_buffer"] = self._zeros()

    def _update(self, i, p, g, lr):
        a, mu = self.alpha, self.momentum
        s = self.state["square_avg"][i]
        s[...] = a * s + (1 - a) * g**2  # s_t = α s_{t-1} + (1 - α) g_t²
        d = g / (np.sqrt(s) + self.eps)  # d_t = g_t / (√s_t + ε)
        if mu:
            v = self.state["momentum_buffer"][i]
            v[...] = mu * v + d  # v_t = μ v_{t-1} + d_t
            d = v
        p -= lr * d  # θ_t = θ_{t-1} - η v_t
