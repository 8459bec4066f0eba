r"""The fully connected layer y = xW + b."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .._validate import check_float_dtype, check_positive_int
from ..init import get_initializer
from .module import Module


class Linear(Module):
    r"""Fully connected layer :math:`y = xW + b`; derived in :ref:`backward-of-a-linear-layer`.

    .. math::

        \frac{\partial J}{\partial W} = x^\top g, \qquad
        \frac{\partial J}{\partial b} = \textstyle\sum_n g_n, \qquad
        \frac{\partial J}{\partial x} = g\, W^\top, \qquad g = \frac{\partial J}{\partial y}

    Parameters
    ----------
    in_features, out_features : int
        D and H.
    init : str or callable, default "he"
        Weight initialiser name for ``gdlib.init.get_initializer`` (``"he"``, ``"xavier"``,
        ``"normal"``, ...) or a callable ``init(fan_in, fan_out, rng)`` returning shape (D, H).
        ``b`` starts at 0.
    rng : numpy.random.Generator
        Required keyword: the source of the initial weights.
    dtype : numpy float dtype, default np.float64
        dtype of W, b and their gradients, as torch's ``dtype=`` (whose default is float32).
        Inputs of another float dtype are converted to it, so the layer computes in its dtype.

    Attributes
    ----------
    W : ndarray of shape (D, H)
    b : ndarray of shape (H,)
    dW : ndarray of shape (D, H)
        dJ/dW after ``backward``.
    db : ndarray of shape (H,)
        dJ/db after ``backward``.

    Raises
    ------
    TypeError
        If ``rng`` is not a Generator, ``init`` is neither a name nor a callable, or ``dtype``
        is not a float type.
    ValueError
        If a size is not a positive integer, ``init`` is unknown or returns a wrong shape.

    Examples
    --------
    >>> layer = Linear(2, 3, rng=np.random.default_rng(0), dtype=np.float32)
    >>> y = layer(np.ones((4, 2)))
    >>> y.shape, y.dtype
    ((4, 3), dtype('float32'))
    >>> layer.backward(np.ones((4, 3))).shape  # dJ/dx
    (4, 2)
    """

    def __init__(
        self,
        in_features: int,
        out_features: int,
        init: str | Callable = "he",
        *,
        rng: np.random.Generator | None = None,
        dtype=np.float64,
    ) -> None:
        self.in_features = check_positive_int(in_features, "in_features")
        self.out_features = check_positive_int(out_features, "out_features")
        dtype = check_float_dtype(dtype)
        if not isinstance(rng, np.random.Generator):
            raise TypeError(
                "Linear needs rng=np.random.default_rng(seed) (a numpy.random.Generator) to "
                f"initialise W reproducibly, got {type(rng).__name__}"
            )
        make = get_initializer(init) if isinstance(init, str) else init
        if not callable(make):
            raise TypeError(f"init must be a name or a callable, got {type(init).__name__}")
        shape = (self.in_features, self.out_features)
        self.W = np.array(make(*shape, rng), dtype=dtype)
        if self.W.shape != shape:
            raise ValueError(f"init returned shape {self.W.shape}, expected {shape}")
        self.b = np.zeros(self.out_features, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def forward(self, x) -> np.ndarray:
        r"""Compute :math:`y = xW + b`; see :ref:`backward-of-a-linear-layer`.

        Parameters
        ----------
        x : ndarray of shape (N, D)
            Converted to the layer's dtype if it has another float dtype.

        Returns
        -------
        y : ndarray of shape (N, H)

        Raises
        ------
        TypeError
            If ``x`` is not a float array.
        ValueError
            If ``x`` is not of shape (N, D).
        """
        x = self._check_input(x, self.in_features)
        self._x = x.astype(self.W.dtype, copy=False)  # kept for dJ/dW
        self._out_shape = (len(x), self.out_features)
        y = self._x @ self.W  # (N, H)
        y += self.b  # broadcast over the N rows, in place
        return y

    def backward(self, grad_out) -> np.ndarray | None:
        r"""Fill ``dW`` and ``db`` in place and return dJ/dx; see :ref:`backward-of-a-linear-layer`.

        Parameters
        ----------
        grad_out : ndarray of shape (N, H)
            g = dJ/dy for the last ``forward``.

        Returns
        -------
        grad_in : ndarray of shape (N, D), or None
            dJ/dx = g Wᵀ; None (and not computed) when ``needs_input_grad`` is False.

        Raises
        ------
        RuntimeError
            If ``forward`` was not called first.
        ValueError
            If ``grad_out`` does not have the shape of the last output.
        """
        g = self._check_grad_out(grad_out).astype(self.W.dtype, copy=False)
        np.matmul(self._x.T, g, out=self.dW)  # dJ/dW = xᵀ g, (D, H)
        np.sum(g, axis=0, out=self.db)  # dJ/db = Σ_n g_n, (H,)
        if not self.needs_input_grad:
            return None
        return g @ self.W.T  # dJ/dx = g Wᵀ, (N, D)

    def parameters(self) -> list[np.ndarray]:
        """``[W, b]``, shapes (D, H) and (H,); see :ref:`backward-of-a-linear-layer`.

        Returns
        -------
        list of ndarray
        """
        return [self.W, self.b]

    def gradients(self) -> list[np.ndarray]:
        """``[dW, db]``, aligned with :meth:`parameters`; see :ref:`backward-of-a-linear-layer`.

        Returns
        -------
        list of ndarray
        """
        return [self.dW, self.db]

    def grad_norms(self) -> np.ndarray:
        r"""``[‖dW‖₂]``, the norm that :ref:`why-a-product-of-jacobians-misbehaves` tracks.

        Returns
        -------
        ndarray of shape (1,)
        """
        return np.array([np.linalg.norm(self.dW)])
