r"""Layers with hand-written backward passes, Chapter 4 (:ref:`the-whole-backward-pass`).

Every module has ``forward(x)`` (also ``module(x)``) and ``backward(grad_out)``, which takes
:math:`\partial J/\partial y` for the module's output ``y``, stores the gradients of the
module's parameters and returns :math:`\partial J/\partial x`. ``parameters()`` and
``gradients()`` return aligned lists of arrays: the lists the optimizers take.

Layers with parameters take ``dtype=`` as torch's do (default float64 here, float32 in torch);
every module keeps the dtype it computes in, so a float32 model runs in float32 throughout.

Notes
-----
``parameters()`` returns the same array objects on every call, and the optimizers update them
in place, so an optimizer built once keeps working. Gradients live in preallocated arrays
that each ``backward`` *overwrites* in place (``gradients()`` therefore also returns the same
objects every call). They are not accumulated as torch's ``.grad`` is, so there is no
``zero_grad()`` to call between steps.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> net = Sequential(Linear(2, 3, rng=rng), Tanh(), Linear(3, 1, rng=rng))
>>> y = net(np.ones((4, 2)))
>>> dx = net.backward(np.ones_like(y))
>>> dx.shape
(4, 2)
"""

from .activation import ReLU, Sigmoid, Tanh
from .batchnorm import BatchNorm1d
from .container import Residual, Sequential
from .linear import Linear
from .module import Module

__all__ = ["Module", "Linear", "ReLU", "Sigmoid", "Tanh", "Sequential", "BatchNorm1d", "Residual"]

for _name in __all__:  # each public object reports the module it is imported from: gdlib.nn.X
    globals()[_name].__module__ = __name__
del _name
