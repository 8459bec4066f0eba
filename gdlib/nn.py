r"""Layers with hand-written backward passes, Chapter 4 (Backpropagation).

Every module has ``forward(x)`` (also ``module(x)``) and ``backward(grad_out)``, which
takes :math:`\partial J/\partial y` for the module's output ``y``, stores the gradients of
the module's parameters and returns :math:`\partial J/\partial x`. ``parameters()`` and
``gradients()`` return aligned lists of arrays: the lists the optimizers take.

Notes
-----
``parameters()`` returns the same array objects on every call, and the optimizers update
them in place, so an optimizer built once keeps working. Gradients live in preallocated
arrays that each ``backward`` *overwrites* in place (``gradients()`` therefore also returns
the same objects every call). They are not accumulated as torch's ``.grad`` is, so
``zero_grad()`` is never needed between steps; it exists for symmetry with torch.

Examples
--------
>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> net = Sequential(Linear(2, 3, rng=rng), Tanh(), Linear(3, 1, rng=rng))
>>> y = net(np.ones((4, 2)))
>>> dx = net.backward(np.ones_like(y))
>>> [p.shape for p in net.parameters()] == [g.shape for g in net.gradients()]
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from ._validate import as_float_array, check_positive, check_positive_int
from .init import get_initializer
from .losses import sigmoid

__all__ = [
    "Module",
    "Linear",
    "ReLU",
    "Sigmoid",
    "Tanh",
    "Identity",
    "Sequential",
    "BatchNorm1d",
    "Residual",
]


class Module:
    """Base class: subclasses implement ``forward``/``backward`` and list their arrays."""

    training: bool = True
    _out_shape: tuple[int, ...] | None = None  # set by forward; backward needs it

    def forward(self, x) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def backward(self, grad_out) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def children(self) -> list[Module]:
        """Direct sub-modules (empty for a plain layer)."""
        return []

    def modules(self) -> Iterator[Module]:
        """This module and all sub-modules, depth first, in layer order."""
        yield self
        for child in self.children():
            yield from child.modules()

    def parameters(self) -> list[np.ndarray]:
        """Parameter arrays θ (the same objects every call), in layer order."""
        return [p for child in self.children() for p in child.parameters()]

    def gradients(self) -> list[np.ndarray]:
        """Gradient arrays dJ/dθ aligned with ``parameters()``."""
        return [g for child in self.children() for g in child.gradients()]

    def zero_grad(self) -> None:
        """Set every stored gradient to zero, in place."""
        for g in self.gradients():
            g.fill(0.0)

    def train(self, mode: bool = True) -> Module:
        """Switch this module and its sub-modules to training (or evaluation) mode."""
        for m in self.modules():
            m.training = bool(mode)
        return self

    def eval(self) -> Module:
        """Switch to evaluation mode (BatchNorm then uses its running statistics)."""
        return self.train(False)

    def grad_norms(self) -> np.ndarray:
        """L2 norm of dJ/dW for every ``Linear`` inside, in layer order: shape (n_linear,)."""
        return np.array([np.linalg.norm(m.dW) for m in self.modules() if isinstance(m, Linear)])

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


class Linear(Module):
    r"""Fully connected layer :math:`y = x W + b`, ``W`` of shape (D, H), ``b`` of shape (H,).

    Parameters
    ----------
    in_features, out_features : int
        D and H.
    init : str or callable
        Weight initialiser name for ``gdlib.init.get_initializer`` (``"he"``, ``"xavier"``,
        ``"normal"``, ...) or a callable ``init(fan_in, fan_out, rng)``. ``b`` starts at 0.
    rng : numpy.random.Generator
        Required keyword: the source of the initial weights.

    Attributes
    ----------
    W, b : ndarray
        Parameters. ``dW``, ``db`` hold their gradients after ``backward``.
    """

    def __init__(
        self,
        in_features: int,
        out_features: int,
        init: str | Callable = "he",
        *,
        rng: np.random.Generator | None = None,
    ) -> None:
        self.in_features = check_positive_int(in_features, "in_features")
        self.out_features = check_positive_int(out_features, "out_features")
        if not isinstance(rng, np.random.Generator):
            raise TypeError(
                "Linear needs rng=np.random.default_rng(seed) (a numpy.random.Generator) to "
                f"initialise W reproducibly, got {type(rng).__name__}"
            )
        make = get_initializer(init) if isinstance(init, str) else init
        if not callable(make):
            raise TypeError(f"init must be a name or a callable, got {type(init).__name__}")
        shape = (self.in_features, self.out_features)
        self.W = np.array(make(*shape, rng), dtype=float)
        if self.W.shape != shape:
            raise ValueError(f"init returned shape {self.W.shape}, expected {shape}")
        self.b = np.zeros(self.out_features)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def forward(self, x) -> np.ndarray:
        self._x = self._check_input(x, self.in_features)  # (N, D)
        self._out_shape = (len(self._x), self.out_features)
        return self._x @ self.W + self.b  # (N, H)

    def backward(self, grad_out) -> np.ndarray:
        g = self._check_grad_out(grad_out)  # dJ/dy, (N, H)
        np.matmul(self._x.T, g, out=self.dW)  # dJ/dW = xᵀ g, (D, H), written in place
        self.db[...] = g.sum(axis=0)  # dJ/db = Σ_n g_n, (H,)
        return g @ self.W.T  # dJ/dx = g Wᵀ, (N, D)

    def parameters(self) -> list[np.ndarray]:
        return [self.W, self.b]

    def gradients(self) -> list[np.ndarray]:
        return [self.dW, self.db]


class _Activation(Module):
    """Elementwise activation: ``backward`` multiplies by the local derivative."""

    def forward(self, x) -> np.ndarray:
        x = self._check_input(x)
        self._out_shape = x.shape
        self._y = self._f(x)
        return self._y

    def backward(self, grad_out) -> np.ndarray:
        return self._check_grad_out(grad_out) * self._local_grad()  # chain rule, elementwise


class ReLU(_Activation):
    """:math:`y = \\max(0, x)`."""

    def _f(self, x):
        return np.maximum(x, 0.0)

    def _local_grad(self):
        return (self._y > 0).astype(self._y.dtype)  # dy/dx = 1 if x > 0 else 0 (float32 stays)


class Sigmoid(_Activation):
    """:math:`y = \\sigma(x) = 1 / (1 + e^{-x})`, computed stably (no overflow)."""

    def _f(self, x):
        return sigmoid(x)

    def _local_grad(self):
        return self._y * (1.0 - self._y)  # dσ/dx = σ (1 - σ)


class Tanh(_Activation):
    """:math:`y = \\tanh(x)`."""

    def _f(self, x):
        return np.tanh(x)

    def _local_grad(self):
        return 1.0 - self._y**2  # d tanh/dx = 1 - tanh²


class Identity(_Activation):
    """:math:`y = x` (a placeholder where an activation is optional)."""

    def _f(self, x):
        return x.copy()

    def _local_grad(self):
        return 1.0  # dy/dx = 1


class Sequential(Module):
    """Layers applied in order; ``backward`` runs them in reverse (the chain rule).

    ``parameters()``/``gradients()`` concatenate the layers' lists in layer order;
    ``layers`` is the list of modules.
    """

    def __init__(self, *layers: Module) -> None:
        for i, layer in enumerate(layers):
            if not isinstance(layer, Module):
                raise TypeError(f"layer {i} is a {type(layer).__name__}, not a gdlib.nn.Module")
        self.layers = list(layers)

    def children(self) -> list[Module]:
        return self.layers

    def forward(self, x) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out) -> np.ndarray:
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)  # dJ/d(input of layer) = dJ/d(its output)·J_layer
        return grad_out

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, i: int) -> Module:
        return self.layers[i]


class BatchNorm1d(Module):
    r"""Batch normalisation over the batch axis of (N, D) inputs (Chapter 6).

    .. math::
        \hat x = \frac{x - \mu_B}{\sqrt{\sigma_B^2 + \varepsilon}}, \qquad y = \gamma \hat x + \beta

    In training mode :math:`\mu_B, \sigma_B^2` are the batch mean and biased variance and the
    running statistics are updated as in torch (``momentum`` weights the new value, the running
    variance uses the unbiased batch variance); in evaluation mode the running statistics
    are used and are constants for ``backward``.
    """

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1) -> None:
        self.num_features = check_positive_int(num_features, "num_features")
        self.eps = check_positive(eps, "eps")
        self.momentum = check_positive(momentum, "momentum", allow_zero=True)
        if self.momentum > 1.0:
            raise ValueError(f"momentum must be in [0, 1], got {momentum}")
        self.gamma, self.beta = np.ones(num_features), np.zeros(num_features)
        self.dgamma, self.dbeta = np.zeros(num_features), np.zeros(num_features)
        self.running_mean, self.running_var = np.zeros(num_features), np.ones(num_features)

    def forward(self, x) -> np.ndarray:
        x = self._check_input(x, self.num_features)
        n, m = len(x), self.momentum
        if self.training:
            if n < 2:
                raise ValueError(
                    "BatchNorm1d in training mode needs at least 2 examples per batch, got "
                    f"shape {x.shape}; use a larger batch or call eval()"
                )
            mu, var = x.mean(axis=0), x.var(axis=0)
            self.running_mean[...] = (1 - m) * self.running_mean + m * mu
            self.running_var[...] = (1 - m) * self.running_var + m * var * n / (n - 1)
        else:
            mu, var = self.running_mean, self.running_var
        self._inv_std = 1.0 / np.sqrt(var + self.eps)  # 1/σ, (D,)
        self._xhat = (x - mu) * self._inv_std  # x̂, (N, D)
        self._batch_stats = self.training
        self._out_shape = x.shape
        return self.gamma * self._xhat + self.beta

    def backward(self, grad_out) -> np.ndarray:
        g = self._check_grad_out(grad_out)  # dJ/dy, (N, D)
        xhat, inv_std, n = self._xhat, self._inv_std, len(g)
        self.dgamma[...] = (g * xhat).sum(axis=0)  # dJ/dγ = Σ_n g x̂
        self.dbeta[...] = g.sum(axis=0)  # dJ/dβ = Σ_n g
        dxhat = g * self.gamma  # dJ/dx̂ = γ g
        if not self._batch_stats:
            return dxhat * inv_std  # μ, σ² are constants: dJ/dx = dJ/dx̂ / σ
        # μ_B and σ_B² depend on every x_n: dJ/dx = (N dx̂ - Σ dx̂ - x̂ Σ dx̂·x̂) / (N σ)
        return inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))

    def parameters(self) -> list[np.ndarray]:
        return [self.gamma, self.beta]

    def gradients(self) -> list[np.ndarray]:
        return [self.dgamma, self.dbeta]


class Residual(Module):
    """Skip connection :math:`y = x + f(x)` around ``module`` f (Chapter 6).

    The gradient flows through the identity unchanged: dJ/dx = g + f'(x)ᵀ g.
    """

    def __init__(self, module: Module) -> None:
        if not isinstance(module, Module):
            raise TypeError(f"Residual wraps a gdlib.nn.Module, got {type(module).__name__}")
        self.module = module

    def children(self) -> list[Module]:
        return [self.module]

    def forward(self, x) -> np.ndarray:
        x = self._check_input(x)
        fx = self.module.forward(x)
        if fx.shape != x.shape:
            raise ValueError(
                f"Residual needs a module that keeps the shape, got {x.shape} -> {fx.shape}"
            )
        self._out_shape = x.shape
        return x + fx

    def backward(self, grad_out) -> np.ndarray:
        g = self._check_grad_out(grad_out)
        return g + self.module.backward(g)  # d(x + f(x))/dx = I + f'(x)
