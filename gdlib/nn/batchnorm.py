r"""Batch normalisation of (N, D) inputs."""

from __future__ import annotations

import numpy as np

from .._validate import check_float_dtype, check_positive, check_positive_int
from .module import Module


class BatchNorm1d(Module):
    r"""Batch normalisation over the batch axis; derived in :ref:`batch-normalisation`.

    .. math::

        \hat x = \frac{x - \operatorname{mean}_B x}{\sqrt{\operatorname{var}_B x + \varepsilon}},
        \qquad y = \gamma \odot \hat x + \beta

    In training mode the mean and (biased) variance are those of the batch, per feature, and
    the running statistics are updated as in torch: ``momentum`` weights the new value and the
    running variance uses the unbiased batch variance. In evaluation mode the running
    statistics are used, and are constants for ``backward``.

    Parameters
    ----------
    num_features : int
        D.
    eps : float, default 1e-5
        ε > 0 under the square root.
    momentum : float, default 0.1
        Weight in [0, 1] of the batch statistic in the running averages (torch's name; not the
        optimizer's momentum μ).
    dtype : numpy float dtype, default np.float64
        dtype of γ, β, their gradients and the running statistics.

    Attributes
    ----------
    gamma, beta : ndarray of shape (D,)
        Scale γ (starts at 1) and shift β (starts at 0).
    dgamma, dbeta : ndarray of shape (D,)
        Their gradients after ``backward``.
    running_mean, running_var : ndarray of shape (D,)
        Start at 0 and 1.
    """

    def __init__(
        self, num_features: int, eps: float = 1e-5, momentum: float = 0.1, *, dtype=np.float64
    ) -> None:
        self.num_features = check_positive_int(num_features, "num_features")
        self.eps = check_positive(eps, "eps")
        self.momentum = check_positive(momentum, "momentum", allow_zero=True)
        if self.momentum > 1.0:
            raise ValueError(f"momentum must be in [0, 1], got {momentum}")
        dtype = check_float_dtype(dtype)
        self.gamma = np.ones(num_features, dtype=dtype)
        self.beta = np.zeros(num_features, dtype=dtype)
        self.dgamma, self.dbeta = np.zeros_like(self.gamma), np.zeros_like(self.beta)
        self.running_mean, self.running_var = np.zeros_like(self.beta), np.ones_like(self.gamma)

    def forward(self, x) -> np.ndarray:
        r"""Normalise each feature, then scale and shift; see :ref:`batch-normalisation`.

        Parameters
        ----------
        x : ndarray of shape (N, D)
            N ≥ 2 in training mode. Converted to the layer's dtype.

        Returns
        -------
        y : ndarray of shape (N, D)

        Raises
        ------
        ValueError
            If ``x`` is not (N, D), or N < 2 in training mode.
        """
        x = self._check_input(x, self.num_features).astype(self.gamma.dtype, copy=False)
        n, m = len(x), self.momentum
        if self.training:
            if n < 2:
                raise ValueError(
                    "BatchNorm1d in training mode needs at least 2 examples per batch, got "
                    f"shape {x.shape}; use a larger batch or call eval()"
                )
            mean, var = x.mean(axis=0), x.var(axis=0)  # batch statistics, (D,)
            self.running_mean[...] = (1 - m) * self.running_mean + m * mean
            self.running_var[...] = (1 - m) * self.running_var + m * var * n / (n - 1)
        else:
            mean, var = self.running_mean, self.running_var
        self._inv_std = 1.0 / np.sqrt(var + self.eps)  # 1/σ, (D,)
        self._xhat = (x - mean) * self._inv_std  # x̂, (N, D)
        self._batch_stats = self.training
        self._out_shape = x.shape
        return self.gamma * self._xhat + self.beta

    def backward(self, grad_out) -> np.ndarray | None:
        r"""Fill ``dgamma``, ``dbeta`` and return dJ/dx; derived in :ref:`batch-normalisation`.

        In training mode the batch mean and variance depend on every x_n, so

        .. math::

            \frac{\partial J}{\partial x} = \frac{1}{N\sigma}\Big(N\, d\hat x - \textstyle\sum_n
            d\hat x_n - \hat x \odot \sum_n d\hat x_n \odot \hat x_n\Big), \qquad
            d\hat x = \gamma \odot g

        Parameters
        ----------
        grad_out : ndarray of shape (N, D)
            g = dJ/dy for the last ``forward``.

        Returns
        -------
        grad_in : ndarray of shape (N, D), or None
            dJ/dx; None when ``needs_input_grad`` is False.
        """
        g = self._check_grad_out(grad_out).astype(self.gamma.dtype, copy=False)
        xhat, inv_std, n = self._xhat, self._inv_std, len(g)
        np.sum(g * xhat, axis=0, out=self.dgamma)  # dJ/dγ = Σ_n g x̂
        np.sum(g, axis=0, out=self.dbeta)  # dJ/dβ = Σ_n g
        if not self.needs_input_grad:
            return None
        dxhat = g * self.gamma  # dJ/dx̂ = γ g
        if not self._batch_stats:
            return dxhat * inv_std  # mean and variance are constants: dJ/dx = dJ/dx̂ / σ
        return inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))

    def parameters(self) -> list[np.ndarray]:
        """``[gamma, beta]``, each of shape (D,); see :ref:`batch-normalisation`.

        Returns
        -------
        list of ndarray
        """
        return [self.gamma, self.beta]

    def gradients(self) -> list[np.ndarray]:
        """``[dgamma, dbeta]``, aligned with :meth:`parameters`; see :ref:`batch-normalisation`.

        Returns
        -------
        list of ndarray
        """
        return [self.dgamma, self.dbeta]
