r"""The base class of every layer: the forward/backward contract and the parameter lists."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .._validate import as_float_array


class Module:
    r"""Base class of every layer and network; derived in :ref:`the-whole-backward-pass`.

    A subclass implements ``forward(x)`` (also called as ``module(x)``), which remembers
    what its backward pass needs, and ``backward(grad_out)``, which takes
    :math:`\partial J/\partial y` for the last output ``y``, **overwrites** the gradients
    of the module's parameters in place and returns :math:`\partial J/\partial x`.
    A module with sub-modules lists them in ``children()``; one with parameters overrides
    ``parameters()`` and ``gradients()``.

    Attributes
    ----------
    training : bool
        Training mode (the default) or evaluation mode; see :meth:`train`.
    needs_input_grad : bool
        Whether ``backward`` computes and returns dJ/dx (the default). Set it to False on a
        model whose input is data, never trained (``train.fit`` does so while it trains):
        ``backward`` then still fills the parameter gradients but skips dJ/dx and returns
        None.
    """

    training: bool = True
    needs_input_grad: bool = True
    _out_shape: tuple[int, ...] | None = None  # set by forward; backward needs it

    def forward(self, x) -> np.ndarray:  # pragma: no cover - abstract
        r"""Compute the output y = f(x) and remember what ``backward`` needs.

        Derived in :ref:`the-whole-backward-pass`.

        Parameters
        ----------
        x : ndarray of shape (N, D)
            A batch of N inputs.

        Returns
        -------
        y : ndarray of shape (N, H)
            The outputs, in the module's dtype.
        """
        raise NotImplementedError

    def backward(self, grad_out) -> np.ndarray | None:  # pragma: no cover - abstract
        r"""Chain rule through the module: overwrite dJ/dθ in place and return dJ/dx.

        Derived in :ref:`the-whole-backward-pass`.

        Parameters
        ----------
        grad_out : ndarray of shape (N, H)
            dJ/dy for the output of the last ``forward``.

        Returns
        -------
        grad_in : ndarray of shape (N, D), or None
            dJ/dx; None when ``needs_input_grad`` is False.
        """
        raise NotImplementedError

    def children(self) -> list[Module]:
        """Direct sub-modules, in layer order (empty for a plain layer).

        See :ref:`the-whole-backward-pass`.

        Returns
        -------
        list of Module
        """
        return []

    def modules(self) -> Iterator[Module]:
        """This module and all sub-modules, depth first, in layer order.

        See :ref:`the-whole-backward-pass`.

        Yields
        ------
        Module
        """
        yield self
        for child in self.children():
            yield from child.modules()

    def parameters(self) -> list[np.ndarray]:
        """The parameter arrays θ, in layer order: the list an optimizer takes.

        See :ref:`the-whole-backward-pass`. The same array objects on every call, so an
        optimizer that updates them in place updates the model.

        Returns
        -------
        list of ndarray
            For a ``Linear`` layer ``[W, b]`` of shapes (D, H) and (H,).
        """
        return [p for child in self.children() for p in child.parameters()]

    def gradients(self) -> list[np.ndarray]:
        """The gradient arrays dJ/dθ, aligned with :meth:`parameters` (same shapes, order).

        See :ref:`the-whole-backward-pass`. Each ``backward`` overwrites them in place (they
        are not accumulated as torch's ``.grad`` is, so there is nothing to zero).

        Returns
        -------
        list of ndarray
        """
        return [g for child in self.children() for g in child.gradients()]

    def grad_norms(self) -> np.ndarray:
        r"""L2 norm of dJ/dW of every weight matrix inside, in layer order.

        The diagnostic of :ref:`why-a-product-of-jacobians-misbehaves`: vanishing gradients
        show as norms that shrink towards the first layer.

        Returns
        -------
        ndarray of shape (M,)
            One norm per ``Linear`` layer (M of them), in the model's dtype.
        """
        return np.array([n for child in self.children() for n in child.grad_norms()])

    def train(self, mode: bool = True) -> Module:
        """Switch this module and its sub-modules to training (or evaluation) mode.

        See :ref:`batch-normalisation`: only BatchNorm behaves differently in the two modes.

        Parameters
        ----------
        mode : bool, default True
            True for training mode, False for evaluation mode.

        Returns
        -------
        Module
            ``self``, so ``model.train()`` can be chained.
        """
        for m in self.modules():
            m.training = bool(mode)
        return self

    def eval(self) -> Module:
        """Switch to evaluation mode: BatchNorm then uses its running statistics.

        See :ref:`batch-normalisation`.

        Returns
        -------
        Module
            ``self``.
        """
        return self.train(False)

    def __call__(self, x) -> np.ndarray:
        return self.forward(x)

    def _check_input(self, x, features: int | None = None) -> np.ndarray:
        name = type(self).__name__
        x = as_float_array(x, f"{name} input")
        if features is not None and (x.ndim != 2 or x.shape[1] != features):
            raise ValueError(
                f"{name} expected input of shape (N, {features}), i.e. with {features} "
                f"features, got shape {x.shape}"
            )
        return x

    def _check_grad_out(self, grad_out) -> np.ndarray:
        name = type(self).__name__
        if self._out_shape is None:
            raise RuntimeError(f"{name}.backward called before forward; call forward(x) first")
        g = as_float_array(grad_out, "grad_out")
        if g.shape != self._out_shape:
            raise ValueError(
                f"{name} grad_out shape {g.shape} does not match its last output shape "
                f"{self._out_shape}"
            )
        return g
