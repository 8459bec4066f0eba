r"""The base class every optimizer shares: params, learning rate, step count, argument checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .._validate import as_float_array, check_positive


class Optimizer:
    r"""Base class: holds the params θ, the learning rate η (``lr``) and the step count ``t``.

    Derived in :ref:`one-step-downhill`: every optimizer turns the gradients g_t into an update
    of θ, **in place**. A subclass sets its hyperparameters as plain attributes (``momentum``,
    ``betas``, ``eps``, ...), keeps its per-parameter state in ``state`` under torch's names
    (one array per param, the dtype of that param), and implements ``_update(i, p, g, lr)``
    for param number ``i``.

    Parameters
    ----------
    params : iterable of float ndarray
        Parameters θ (any shapes, float32 or float64), updated in place by :meth:`step`.
    lr : float
        Learning rate η > 0. A plain attribute: a schedule sets ``opt.lr = schedule(k)``
        before step k.

    Attributes
    ----------
    params : list of ndarray
        The very arrays passed in (not copies).
    t : int
        Number of steps taken so far.
    state : dict of str to list of ndarray
        Running averages and buffers, e.g. ``state["exp_avg"][i]`` is Adam's m_t for param i.

    Raises
    ------
    TypeError
        If ``params`` is a single array, or holds a non-float array.
    ValueError
        If ``params`` is empty, a param is read-only, or ``lr`` is not positive and finite.
    """

    def __init__(self, params: Iterable[np.ndarray], lr: float) -> None:
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
        self.state: dict[str, list[np.ndarray]] = {}

    def _zeros(self) -> list[np.ndarray]:
        """One array of zeros per param, same shape and dtype: a state starts at 0."""
        return [np.zeros_like(p) for p in self.params]

    def step(self, grads: Sequence[np.ndarray]) -> None:
        r"""Apply one update θ_t = θ_{t-1} - Δθ_t to every param, **in place**.

        Derived in :ref:`one-step-downhill`. ``t`` grows by one; the grads are not modified.
        A gradient of another float dtype than its param is converted to the param's dtype
        first, so a float32 model computes its update in float32.

        Parameters
        ----------
        grads : sequence of float ndarray
            g_t, one array per param, in the order of ``params``, each of its param's shape.

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
            checked.append(g.astype(p.dtype, copy=False))
        self.t += 1
        for i, (p, g) in enumerate(zip(self.params, checked, strict=True)):
            self._update(i, p, g, lr)

    def _update(self, i: int, p: np.ndarray, g: np.ndarray, lr: float) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        hyper = {k: v for k, v in vars(self).items() if k not in ("params", "lr", "t", "state")}
        opts = ", ".join(f"{k}={v!r}" for k, v in {"lr": self.lr, **hyper, "t": self.t}.items())
        return f"{type(self).__name__}({opts})"
