r"""First-order optimizers: SGD (with momentum and Nesterov), AdaGrad, RMSprop, Adam.

Derived in Chapter 3 (The update rule). Each class follows the update equations of the
``torch.optim`` class of the same name with the same options, so numbers agree with PyTorch.

Every optimizer holds a list of float parameter arrays θ and updates them **in place**
when ``step(grads)`` is called with a list of gradients g_t of the same shapes. ``opt.lr``
(η) is a plain attribute; a schedule changes it between steps: ``opt.lr = schedule(t)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._validate import as_float_array, check_in_range, check_positive

__all__ = ["Optimizer", "SGD", "AdaGrad", "RMSprop", "Adam"]


class Optimizer:
    """Base class: holds params θ, learning rate η (``lr``) and the step count ``t``.

    ``self.state`` maps a name (torch's, e.g. ``"exp_avg"``) to one array per param, for
    inspection; subclasses fill ``self.hyper`` and implement ``_update(i, p, g, lr)``.
    """

    def __init__(self, params: Sequence[np.ndarray], lr: float) -> None:
        if isinstance(params, np.ndarray):
            raise TypeError("params must be a list of arrays; wrap a single array as [theta]")
        self.params = list(params)
        if not self.params:
            raise ValueError("params is empty; pass at least one array to optimize")
        for i, p in enumerate(self.params):
            if not isinstance(p, np.ndarray) or not np.issubdtype(p.dtype, np.floating):
                kind = p.dtype if isinstance(p, np.ndarray) else type(p).__name__
                raise TypeError(
                    f"param {i} must be a float numpy array, got {kind}: integer params "
                    "cannot be updated in place; create it with dtype=float"
                )
            if not p.flags.writeable:
                raise ValueError(f"param {i} is read-only; pass a writeable array (p.copy())")
        self.lr = check_positive(lr, "lr")
        self.t = 0
        self.hyper: dict[str, object] = {}
        self.state: dict[str, list[np.ndarray]] = {}
        self._scratch: dict[tuple[int, int], np.ndarray] = {}

    def _zeros(self) -> list[np.ndarray]:
        return [np.zeros_like(p) for p in self.params]

    def _buffer(self, i: int, k: int = 0) -> np.ndarray:
        """Work array number ``k`` shaped like param ``i``, reused every step (no new arrays)."""
        key = (i, k)
        if key not in self._scratch:
            self._scratch[key] = np.empty_like(self.params[i])
        return self._scratch[key]

    def step(self, grads: Sequence[np.ndarray]) -> None:
        """Apply one update θ ← θ - Δθ to every param **in place** (grads are not modified).

        Raises
        ------
        ValueError
            If ``len(grads) != len(params)``, a shape differs, or ``self.lr`` is not
            positive and finite (e.g. a schedule returned 0).
        TypeError
            If a grad is not a floating-point array.
        """
        try:
            lr = check_positive(self.lr, "lr")
        except (TypeError, ValueError) as err:
            raise type(err)(
                f"{err} at step {self.t + 1}; if a schedule sets opt.lr, "
                "check that it returns a positive number"
            ) from None
        if len(grads) != len(self.params):
            raise ValueError(
                f"got {len(grads)} grads for {len(self.params)} params; "
                "pass one gradient per parameter, in the same order"
            )
        checked = []
        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):
            g = as_float_array(g, f"grad {i}")
            if g.shape != p.shape:
                raise ValueError(f"grad {i} has shape {g.shape} but param {i} has shape {p.shape}")
            checked.append(g)
        self.t += 1
        for i, (p, g) in enumerate(zip(self.params, checked, strict=True)):
            self._update(i, p, g, lr)

    def _update(self, i: int, p: np.ndarray, g: np.ndarray, lr: float) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in {"lr": self.lr, **self.hyper}.items())
        return f"{type(self).__name__}({opts}, t={self.t})"


class SGD(Optimizer):
    r"""Stochastic gradient descent with optional (Nesterov) momentum; Chapter 3 (The update rule).

    .. math::

        g_t &\leftarrow g_t + \lambda \theta_{t-1} \\
        v_t &= \mu v_{t-1} + g_t, \quad v_0 = 0 \\
        \theta_t &= \theta_{t-1} - \eta\, v_t
        \quad (\text{Nesterov: } \theta_t = \theta_{t-1} - \eta\,(g_t + \mu v_t))

    With ``momentum=0`` this is plain gradient descent θ_t = θ_{t-1} - η g_t.

    Parameters
    ----------
    params : list of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float
        Learning rate η > 0.
    momentum : float, default 0.0
        μ in [0, 1).
    nesterov : bool, default False
        Use Nesterov momentum (requires ``momentum > 0``).
    weight_decay : float, default 0.0
        λ ≥ 0, L2 penalty added to the gradient.

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
        params,
        lr: float,
        momentum: float = 0.0,
        nesterov: bool = False,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        momentum = check_in_range(momentum, "momentum", 0.0, 1.0)
        if nesterov and momentum == 0.0:
            raise ValueError("nesterov=True requires momentum > 0, e.g. momentum=0.9")
        weight_decay = check_positive(weight_decay, "weight_decay", allow_zero=True)
        self.hyper = dict(momentum=momentum, nesterov=bool(nesterov), weight_decay=weight_decay)
        self.state = {"velocity": self._zeros()} if momentum > 0 else {}

    def _update(self, i, p, g, lr):
        mu, lam = self.hyper["momentum"], self.hyper["weight_decay"]
        if lam:
            g = g + lam * p  # ∇(J + λ/2 ||θ||²) = g + λθ
        if mu:
            v = self.state["velocity"][i]
            v *= mu
            v += g  # v_t = μ v_{t-1} + g_t, in place
            g = g + mu * v if self.hyper["nesterov"] else v
        p -= lr * g


class AdaGrad(Optimizer):
    r"""AdaGrad: per-coordinate steps scaled by accumulated squared gradients; Chapter 3.

    .. math::

        s_t = s_{t-1} + g_t^2, \quad s_0 = 0, \qquad
        \theta_t = \theta_{t-1} - \eta\, \frac{g_t}{\sqrt{s_t} + \varepsilon}

    Parameters
    ----------
    params : list of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float, default 0.01
        Learning rate η > 0.
    eps : float, default 1e-10
        ε > 0, added to √s_t (outside the square root).

    Notes
    -----
    Matches ``torch.optim.Adagrad`` with ``lr_decay=0``, ``initial_accumulator_value=0``,
    ``weight_decay=0``. The first step moves every coordinate by about η·sign(g_1).
    """

    def __init__(self, params, lr: float = 0.01, eps: float = 1e-10) -> None:
        super().__init__(params, lr)
        self.hyper = {"eps": check_positive(eps, "eps")}
        self.state = {"sum_sq": self._zeros()}

    def _update(self, i, p, g, lr):
        s = self.state["sum_sq"][i]
        s += g * g  # s_t = s_{t-1} + g_t²
        den = np.sqrt(s, out=self._buffer(i))
        den += self.hyper["eps"]  # √s_t + ε
        p -= lr * g / den


class RMSprop(Optimizer):
    r"""RMSprop: steps scaled by a moving average of squared gradients; Chapter 3.

    .. math::

        s_t &= \alpha s_{t-1} + (1 - \alpha) g_t^2, \quad s_0 = 0 \\
        \text{momentum } \mu = 0:&\quad \theta_t = \theta_{t-1}
            - \eta\, \frac{g_t}{\sqrt{s_t} + \varepsilon} \\
        \text{momentum } \mu > 0:&\quad v_t = \mu v_{t-1} + \frac{g_t}{\sqrt{s_t} + \varepsilon},
            \quad \theta_t = \theta_{t-1} - \eta\, v_t

    Parameters
    ----------
    params : list of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float, default 0.01
        Learning rate η > 0.
    alpha : float, default 0.99
        Decay α in [0, 1) of the squared-gradient average.
    eps : float, default 1e-8
        ε > 0, added to √s_t.
    momentum : float, default 0.0
        μ in [0, 1).

    Notes
    -----
    Matches ``torch.optim.RMSprop`` with ``centered=False``, ``weight_decay=0``.
    """

    def __init__(
        self,
        params,
        lr: float = 0.01,
        alpha: float = 0.99,
        eps: float = 1e-8,
        momentum: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        alpha = check_in_range(alpha, "alpha", 0.0, 1.0)
        momentum = check_in_range(momentum, "momentum", 0.0, 1.0)
        self.hyper = dict(alpha=alpha, eps=check_positive(eps, "eps"), momentum=momentum)
        self.state = {"square_avg": self._zeros()}
        if self.hyper["momentum"] > 0:
            self.state["velocity"] = self._zeros()

    def _update(self, i, p, g, lr):
        a, mu = self.hyper["alpha"], self.hyper["momentum"]
        s = self.state["square_avg"][i]
        s *= a
        s += (1 - a) * g * g  # s_t = α s_{t-1} + (1-α) g_t², in place
        den = np.sqrt(s, out=self._buffer(i))
        den += self.hyper["eps"]  # √s_t + ε
        d = g / den
        if mu:
            v = self.state["velocity"][i]
            v *= mu
            v += d  # v_t = μ v_{t-1} + g_t / (√s_t + ε)
            d = v
        p -= lr * d


class Adam(Optimizer):
    r"""Adam: momentum on g_t plus RMSprop scaling, both bias-corrected; Chapter 3.

    .. math::

        g_t &\leftarrow g_t + \lambda \theta_{t-1} \\
        m_t &= \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad
        s_t = \beta_2 s_{t-1} + (1 - \beta_2) g_t^2, \quad m_0 = s_0 = 0 \\
        \hat m_t &= \frac{m_t}{1 - \beta_1^t}, \quad \hat s_t = \frac{s_t}{1 - \beta_2^t}, \quad
        \theta_t = \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat s_t} + \varepsilon}

    Parameters
    ----------
    params : list of float ndarray
        Parameters θ, updated in place by :meth:`step`.
    lr : float, default 0.001
        Learning rate η > 0.
    betas : (float, float), default (0.9, 0.999)
        β1, β2, each in [0, 1).
    eps : float, default 1e-8
        ε > 0, added to √ŝ_t.
    weight_decay : float, default 0.0
        λ ≥ 0, L2 penalty added to the gradient.

    Notes
    -----
    Matches ``torch.optim.Adam`` with ``amsgrad=False`` (torch names m_t ``exp_avg`` and
    s_t ``exp_avg_sq``). ``weight_decay`` is the L2 form (g + λθ enters m_t and s_t), not
    decoupled AdamW.
    """

    def __init__(
        self,
        params,
        lr: float = 0.001,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        if isinstance(betas, str) or not isinstance(betas, Sequence) or len(betas) != 2:
            raise TypeError(f"betas must be a pair (beta1, beta2), got {betas!r}")
        b1, b2 = (check_in_range(b, f"betas[{k}]", 0.0, 1.0) for k, b in enumerate(betas))
        wd = check_positive(weight_decay, "weight_decay", allow_zero=True)
        self.hyper = dict(betas=(b1, b2), eps=check_positive(eps, "eps"), weight_decay=wd)
        self.state = {"exp_avg": self._zeros(), "exp_avg_sq": self._zeros()}

    def _update(self, i, p, g, lr):
        (b1, b2), lam, t = self.hyper["betas"], self.hyper["weight_decay"], self.t
        if lam:
            g = g + lam * p  # L2 penalty: g + λθ
        m, s = self.state["exp_avg"][i], self.state["exp_avg_sq"][i]
        m *= b1
        m += (1 - b1) * g  # m_t = β1 m_{t-1} + (1-β1) g_t, in place
        s *= b2
        s += (1 - b2) * g * g  # s_t = β2 s_{t-1} + (1-β2) g_t²
        # bias correction and the step, in two work arrays instead of six new ones
        den = np.divide(s, 1 - b2**t, out=self._buffer(i, 0))  # ŝ_t = s_t / (1 - β2^t)
        np.sqrt(den, out=den)
        den += self.hyper["eps"]  # √ŝ_t + ε
        step = np.divide(m, 1 - b1**t, out=self._buffer(i, 1))  # m̂_t = m_t / (1 - β1^t)
        step *= lr
        step /= den  # η m̂_t / (√ŝ_t + ε)
        p -= step
