r"""Modules made of modules: ``Sequential`` (layers in a row) and ``Residual`` (x + f(x))."""

from __future__ import annotations

import numpy as np

from .module import Module


class Sequential(Module):
    r"""Layers applied in order; ``backward`` runs them in reverse: the chain rule.

    Derived in :ref:`the-whole-backward-pass`. ``parameters()``/``gradients()`` concatenate
    the layers' lists in layer order; ``layers`` is the list of modules, also reachable as
    ``model[i]``.

    Parameters
    ----------
    *layers : Module
        The layers, first to last.

    Attributes
    ----------
    needs_input_grad : bool
        The first layer's flag: set it to False and ``backward`` skips the first layer's
        dJ/dx, which training never uses (``train.fit`` does so while it trains).

    Examples
    --------
    >>> from gdlib.nn import Linear, Tanh
    >>> rng = np.random.default_rng(0)
    >>> net = Sequential(Linear(2, 3, rng=rng), Tanh(), Linear(3, 1, rng=rng))
    >>> y = net(np.ones((4, 2)))
    >>> net.backward(np.ones_like(y)).shape  # dJ/dx
    (4, 2)
    >>> [p.shape for p in net.parameters()] == [g.shape for g in net.gradients()]
    True
    """

    def __init__(self, *layers: Module) -> None:
        for i, layer in enumerate(layers):
            if not isinstance(layer, Module):
                raise TypeError(f"layer {i} is a {type(layer).__name__}, not a gdlib.nn.Module")
        if not layers:
            raise ValueError("Sequential needs at least one layer")
        self.layers = list(layers)

    @property
    def needs_input_grad(self) -> bool:
        """The first layer's flag (see :ref:`the-whole-backward-pass`): dJ/dx or None."""
        return self.layers[0].needs_input_grad

    @needs_input_grad.setter
    def needs_input_grad(self, value: bool) -> None:
        self.layers[0].needs_input_grad = bool(value)

    def children(self) -> list[Module]:
        """The layers, first to last; see :ref:`the-whole-backward-pass`.

        Returns
        -------
        list of Module
        """
        return self.layers

    def forward(self, x) -> np.ndarray:
        r"""Feed ``x`` through every layer in turn; see :ref:`the-whole-backward-pass`.

        Parameters
        ----------
        x : ndarray of shape (N, D)

        Returns
        -------
        y : ndarray of shape (N, C)
            The last layer's output.
        """
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out) -> np.ndarray | None:
        r"""Backward of every layer, last to first; see :ref:`the-whole-backward-pass`.

        Each layer receives dJ/d(its output) and returns dJ/d(its input), which is the
        previous layer's dJ/d(output).

        Parameters
        ----------
        grad_out : ndarray of shape (N, C)
            dJ/dy for the last output.

        Returns
        -------
        grad_in : ndarray of shape (N, D), or None
            dJ/dx; None when ``needs_input_grad`` is False.
        """
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)
        return grad_out

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, i: int) -> Module:
        return self.layers[i]


class Residual(Module):
    r"""Skip connection :math:`y = x + f(x)` around ``module`` f.

    Derived in :ref:`residual-connections`: the gradient flows through the identity
    unchanged, dJ/dx = g + f'(x)ᵀ g.

    Parameters
    ----------
    module : Module
        f, which must keep the shape (N, D) of its input.
    """

    def __init__(self, module: Module) -> None:
        if not isinstance(module, Module):
            raise TypeError(f"Residual wraps a gdlib.nn.Module, got {type(module).__name__}")
        self.module = module

    def children(self) -> list[Module]:
        """``[module]``; see :ref:`residual-connections`.

        Returns
        -------
        list of Module
        """
        return [self.module]

    def forward(self, x) -> np.ndarray:
        r"""Compute :math:`y = x + f(x)`; see :ref:`residual-connections`.

        Parameters
        ----------
        x : ndarray of shape (N, D)

        Returns
        -------
        y : ndarray of shape (N, D)

        Raises
        ------
        ValueError
            If f changes the shape.
        """
        x = self._check_input(x)
        fx = self.module.forward(x)
        if fx.shape != x.shape:
            raise ValueError(
                f"Residual needs a module that keeps the shape, got {x.shape} -> {fx.shape}"
            )
        self._out_shape = x.shape
        return x + fx

    def backward(self, grad_out) -> np.ndarray | None:
        r"""dJ/dx = g + f'(x)ᵀ g; see :ref:`residual-connections`.

        Parameters
        ----------
        grad_out : ndarray of shape (N, D)
            g = dJ/dy.

        Returns
        -------
        grad_in : ndarray of shape (N, D), or None
            None when ``needs_input_grad`` is False (f's gradients are filled all the same).
        """
        g = self._check_grad_out(grad_out)
        g_f = self.module.backward(g)  # f'(x)ᵀ g, and f's parameter gradients
        if not self.needs_input_grad:
            return None
        return g + g_f  # d(x + f(x))/dx = I + f'(x)
