r"""Adam and AdamW: momentum on g_t plus RMSprop scaling, both bias-corrected."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .._validate import check_in_range, check_positive
from .optimizer import Optimizer


def _check_betas(betas) -> tuple[float, float]:
    if isinstance(betas, str) or not isinstance(betas, Sequence) or len(betas) != 2:
        raise TypeError(f"betas must be a pair (beta1, beta2), got {betas!r}")
    b1, b2 = (check_in_range(b, f"betas[{k}]", 0.0, 1.0) for k, b in enumerate(betas))
    return b1, b2


class Adam(Optimizer):
    r"""Adam: momentum on g_t plus RMSprop scaling, both bias-corrected.

    Derived in :ref:`momentum-and-adaptive-methods`:

    .. math::

        g_t &\leftarrow g_t + \omega\, \theta_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, \quad m_0 = 0 \\
        s_t &= \beta_2 s_{t-1} + (1 - \beta_2)\, g_t^2, \quad s_0 = 0 \\
        \hat m_t &= m_t / (1 - \beta_1^t) \\
        \hat s_t &= s_t / (1 - \beta_2^t) \\
        \theta_t &= \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat s_t} + \varepsilon}

    Parameters
    ----------
    params : iterable of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float, default 0.001
        Learning rate η > 0.
    betas : (float, float), default (0.9, 0.999)
        β1, β2, each in [0, 1).
    eps : float, default 1e-8
        ε > 0, added to √ŝ_t.
    weight_decay : float, default 0.0
        ω ≥ 0, the L2 penalty: ωθ is added to the gradient (first line above).

    Attributes
    ----------
    state : dict
        ``state["exp_avg"][i]`` is m_t and ``state["exp_avg_sq"][i]`` is s_t of param i.

    Notes
    -----
    Matches ``torch.optim.Adam`` with ``amsgrad=False``. Its ``weight_decay`` is the L2 form:
    ωθ enters m_t and s_t, so the adaptive scaling weakens the decay of parameters with large
    gradients. :class:`AdamW` decouples it (:ref:`weight-decay-and-adamw`).

    Examples
    --------
    >>> theta = np.array([1.0, -2.0])
    >>> Adam([theta], lr=0.1).step([np.array([4.0, -0.5])])  # first step: about η·sign(g)
    >>> theta.round(6)
    array([ 0.9, -1.9])
    """

    def __init__(
        self,
        params: Iterable[np.ndarray],
        lr: float = 0.001,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        self.betas = _check_betas(betas)
        self.eps = check_positive(eps, "eps")
        self.weight_decay = check_positive(weight_decay, "weight_decay", allow_zero=True)
        self.state["exp_avg"] = self._zeros()
        self.state["exp_avg_sq"] = self._zeros()

    def _update(self, i, p, g, lr):
        if self.weight_decay:
            g = g + self.weight_decay * p  # g_t ← g_t + ω θ_{t-1}
        self._adam_step(i, p, g, lr)

    def _adam_step(self, i, p, g, lr):
        (b1, b2), t = self.betas, self.t
        m, s = self.state["exp_avg"][i], self.state["exp_avg_sq"][i]
        m[...] = b1 * m + (1 - b1) * g  # m_t = β1 m_{t-1} + (1 - β1) g_t
        s[...] = b2 * s + (1 - b2) * g**2  # s_t = β2 s_{t-1} + (1 - β2) g_t²
        m_hat = m / (1 - b1**t)  # m̂_t = m_t / (1 - β1^t)
        s_hat = s / (1 - b2**t)  # ŝ_t = s_t / (1 - β2^t)
        p -= lr * m_hat / (np.sqrt(s_hat) + self.eps)  # θ_t = θ_{t-1} - η m̂_t / (√ŝ_t + ε)


class AdamW(Adam):
    r"""AdamW: Adam with decoupled weight decay (Loshchilov & Hutter).

    Derived in :ref:`weight-decay-and-adamw`. The decay shrinks θ directly, outside the
    adaptive scaling; then :class:`Adam`'s update (m_t, s_t, their bias corrections and the
    step) follows with the plain gradient g_t:

    .. math::

        \theta_{t-1} &\leftarrow \theta_{t-1} - \eta\, \omega\, \theta_{t-1} \\
        \theta_t &= \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat s_t} + \varepsilon}

    Parameters
    ----------
    params, lr, betas, eps
        As for :class:`Adam` (same defaults).
    weight_decay : float, default 0.01
        ω ≥ 0: every step multiplies θ by (1 - ηω) before the Adam step.

    Attributes
    ----------
    state : dict
        ``state["exp_avg"][i]`` is m_t and ``state["exp_avg_sq"][i]`` is s_t of param i.

    Notes
    -----
    Matches ``torch.optim.AdamW`` (``amsgrad=False``) step for step, including its default
    ω = 0.01 and the decay scaled by the current η (so a schedule scales it too). The gradient
    g_t is evaluated at θ_{t-1}, before the decay.

    Examples
    --------
    >>> theta = np.array([1.0, -2.0])
    >>> AdamW([theta], lr=0.1, weight_decay=0.5).step([np.array([4.0, -0.5])])
    >>> theta.round(6)  # (1 - 0.05)·θ_0, then about η·sign(g)
    array([ 0.85, -1.8 ])
    """

    def __init__(
        self,
        params: Iterable[np.ndarray],
        lr: float = 0.001,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.01,
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay)

    def _update(self, i, p, g, lr):
        p *= 1 - lr * self.weight_decay  # θ_{t-1} ← θ_{t-1} - η ω θ_{t-1}
        self._adam_step(i, p, g, lr)
