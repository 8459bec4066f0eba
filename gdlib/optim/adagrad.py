r"""AdaGrad: per-coordinate steps scaled by the accumulated squared gradients."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .._validate import check_positive
from .optimizer import Optimizer


class AdaGrad(Optimizer):
    r"""AdaGrad: per-coordinate steps scaled by accumulated squared gradients.

    Derived in :ref:`momentum-and-adaptive-methods`:

    .. math::

        s_t &= s_{t-1} + g_t^2, \quad s_0 = 0 \\
        \theta_t &= \theta_{t-1} - \eta\, \frac{g_t}{\sqrt{s_t} + \varepsilon}

    Parameters
    ----------
    params : iterable of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float, default 0.01
        Learning rate η > 0.
    eps : float, default 1e-10
        ε > 0, added to √s_t (outside the square root).

    Attributes
    ----------
    state : dict
        ``state["sum"][i]`` is s_t of param i.

    Notes
    -----
    Matches ``torch.optim.Adagrad`` with ``lr_decay=0``, ``initial_accumulator_value=0``,
    ``weight_decay=0``. The first step moves every coordinate by about η·sign(g_1).

    Examples
    --------
    >>> theta = np.array([1.0, -2.0])
    >>> AdaGrad([theta], lr=0.1).step([np.array([4.0, -0.5])])  # first step: η·sign(g)
    >>> theta
    array([ 0.9, -1.9])
    """

    def __init__(self, params: Iterable[np.ndarray], lr: float = 0.01, eps: float = 1e-10) -> None:
        super().__init__(params, lr)
        self.eps = check_positive(eps, "eps")
        self.state["sum"] = self._zeros()

    def _update(self, i, p, g, lr):
        s = self.state["sum"][i]
        s += g**2  # s_t = s_{t-1} + g_t²
        p -= lr * g / (np.sqrt(s) + self.eps)  # θ_t = θ_{t-1} - η g_t / (√s_t + ε)
