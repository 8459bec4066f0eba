r"""Elementwise activations: ReLU, Sigmoid, Tanh.

Each keeps the dtype of its input and multiplies the incoming gradient by its local derivative,
as derived in :ref:`backward-of-elementwise-activations`.
"""

from __future__ import annotations

import numpy as np

from ..losses import sigmoid
from .module import Module


class _Activation(Module):
    """Elementwise y = f(x): ``backward`` multiplies dJ/dy by the local derivative f'(x)."""

    def forward(self, x) -> np.ndarray:
        r"""Apply the activation elementwise; see :ref:`backward-of-elementwise-activations`.

        Parameters
        ----------
        x : ndarray of shape (N, D), or any shape
            Float32 or float64; the output has the same dtype.

        Returns
        -------
        y : ndarray of the shape of ``x``

        Raises
        ------
        TypeError
            If ``x`` is not a float array.
        """
        x = self._check_input(x)
        self._out_shape = x.shape
        self._y = self._f(x)
        return self._y

    def backward(self, grad_out) -> np.ndarray | None:
        r"""Chain rule, elementwise: dJ/dx = dJ/dy ⊙ f'(x).

        Derived in :ref:`backward-of-elementwise-activations`.

        Parameters
        ----------
        grad_out : ndarray of the shape of the last output
            dJ/dy.

        Returns
        -------
        grad_in : ndarray of the same shape, or None
            dJ/dx; None when ``needs_input_grad`` is False.

        Raises
        ------
        RuntimeError
            If ``forward`` was not called first.
        ValueError
            If ``grad_out`` does not have the shape of the last output.
        """
        g = self._check_grad_out(grad_out)
        if not self.needs_input_grad:
            return None
        return g * self._local_grad()  # dJ/dx = dJ/dy ⊙ f'(x)


class ReLU(_Activation):
    """:math:`y = \\max(0, x)`, derivative 1 where x > 0, else 0.

    See :ref:`backward-of-elementwise-activations`.

    Examples
    --------
    >>> ReLU()(np.array([[-1.0, 2.0]]))
    array([[0., 2.]])
    """

    def _f(self, x):
        return np.maximum(x, 0.0)

    def _local_grad(self):
        return self._y > 0  # dy/dx = 1 where x > 0, else 0 (a mask: the product keeps g's dtype)


class Sigmoid(_Activation):
    """:math:`y = \\sigma(x) = 1 / (1 + e^{-x})`, computed stably; derivative σ(1 - σ).

    See :ref:`backward-of-elementwise-activations`.
    """

    def _f(self, x):
        return sigmoid(x)

    def _local_grad(self):
        return self._y * (1.0 - self._y)  # dσ/dx = σ (1 - σ)


class Tanh(_Activation):
    """:math:`y = \\tanh(x)`, derivative 1 - tanh².

    See :ref:`backward-of-elementwise-activations`.
    """

    def _f(self, x):
        return np.tanh(x)

    def _local_grad(self):
        return 1.0 - self._y**2  # d tanh/dx = 1 - tanh²
