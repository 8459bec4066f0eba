r"""Two-dimensional test surfaces :math:`J(\theta)` for optimizer-path figures (Chapter 3).

Used in :ref:`the-race` and :ref:`local-minima-saddle-points-and-non-convexity`.

Each surface is a small class with ``value(theta)``, ``grad(theta)`` (``__call__`` is
``value``), the location of its ``minimum``, all its local ``minima`` and suggested
plotting ``bounds``. ``theta`` is either one point of shape (2,) or a grid of shape
(2, ...) such as ``np.stack(np.meshgrid(xs, ys))``; ``value`` then returns shape (...)
and ``grad`` returns the same shape as ``theta``.

Examples
--------
>>> import numpy as np
>>> q = IllConditionedQuadratic(a=1.0, b=20.0)
>>> q.value(np.array([1.0, 1.0]))
10.5
>>> q.grad(np.array([1.0, 1.0]))
array([ 1., 20.])
"""

from __future__ import annotations

import numpy as np

from ._validate import as_float_array, check_positive

__all__ = [
    "Surface",
    "IllConditionedQuadratic",
    "Rosenbrock",
    "Saddle",
    "Himmelblau",
    "DoubleWell",
]


class Surface:
    """Base class of the surfaces of :ref:`the-race`: ``value``, ``grad`` and where the minima are.

    Subclasses implement ``_value(x, y)`` and ``_grad(x, y)``.

    Attributes
    ----------
    minimum : ndarray of shape (2,) or None
        The global minimizer (``None`` when the surface is unbounded below).
    minima : ndarray of shape (K, 2)
        Every local minimizer, global first.
    bounds : tuple of two (low, high) pairs
        Suggested plotting window ``((xmin, xmax), (ymin, ymax))``.
    """

    minimum: np.ndarray | None = None
    minima: np.ndarray = np.zeros((0, 2))
    bounds: tuple[tuple[float, float], tuple[float, float]] = ((-2.0, 2.0), (-2.0, 2.0))

    @staticmethod
    def _split(theta) -> tuple[np.ndarray, np.ndarray]:
        theta = as_float_array(theta, "theta")
        if theta.ndim == 0 or theta.shape[0] != 2:
            raise ValueError(
                f"theta must have shape (2,) or (2, ...), got shape {theta.shape}; "
                "stack grids as np.stack([X, Y])"
            )
        return theta[0], theta[1]

    def value(self, theta) -> float | np.ndarray:
        r"""Return :math:`J(\theta)`; see :ref:`the-race`.

        Parameters
        ----------
        theta : ndarray of shape (2,) or (2, ...), float
            One point, or a grid such as ``np.stack(np.meshgrid(xs, ys))``.

        Returns
        -------
        float, or ndarray of shape ``theta.shape[1:]``
        """
        out = np.asarray(self._value(*self._split(theta)), dtype=float)
        return float(out) if out.ndim == 0 else out

    def grad(self, theta) -> np.ndarray:
        r"""Return :math:`\nabla J(\theta)`; see :ref:`the-race`.

        Parameters
        ----------
        theta : ndarray of shape (2,) or (2, ...), float

        Returns
        -------
        ndarray of the shape of ``theta``
            A new array: component 0 is dJ/dθ_1, component 1 is dJ/dθ_2.
        """
        x, y = self._split(theta)
        gx, gy = self._grad(x, y)
        return np.stack([np.asarray(gx, dtype=float), np.asarray(gy, dtype=float)])

    def __call__(self, theta) -> float | np.ndarray:
        return self.value(theta)

    def _value(self, x, y):  # pragma: no cover - abstract
        raise NotImplementedError

    def _grad(self, x, y):  # pragma: no cover - abstract
        raise NotImplementedError


class IllConditionedQuadratic(Surface):
    r"""Axis-aligned quadratic bowl with condition number :math:`\kappa = L / \lambda_{\min}`.

    The example of :ref:`why-plain-gradient-descent-is-slow-ill-conditioning`:

    .. math::
        J(\theta) = \tfrac12 (a\,\theta_1^2 + b\,\theta_2^2), \qquad
        \nabla J(\theta) = (a\,\theta_1,\; b\,\theta_2)

    Parameters
    ----------
    a, b : float
        Positive curvatures along the two axes.

    Attributes
    ----------
    L, lambda_min : float
        Largest and smallest eigenvalue of the Hessian ∇²J = diag(a, b): L = λ_max and λ_min.
        Gradient descent converges iff ``lr < 2 / L``.
    kappa : float
        Condition number κ = L / λ_min.
    """

    def __init__(self, a: float = 1.0, b: float = 20.0) -> None:
        self.a = check_positive(a, "a")
        self.b = check_positive(b, "b")
        self.L = max(self.a, self.b)
        self.lambda_min = min(self.a, self.b)
        self.kappa = self.L / self.lambda_min
        self.minimum = np.zeros(2)
        self.minima = np.zeros((1, 2))
        self.bounds = ((-2.5, 2.5), (-1.5, 1.5))

    def _value(self, x, y):
        return 0.5 * (self.a * x**2 + self.b * y**2)

    def _grad(self, x, y):
        return self.a * x, self.b * y  # dJ/dx = a x, dJ/dy = b y


class Rosenbrock(Surface):
    r"""Rosenbrock's banana valley, minimum :math:`(a, a^2)`; the course of :ref:`the-race`.

    .. math::
        J(\theta) = (a - \theta_1)^2 + b\,(\theta_2 - \theta_1^2)^2
    """

    def __init__(self, a: float = 1.0, b: float = 100.0) -> None:
        self.a = float(a)
        self.b = check_positive(b, "b")
        self.minimum = np.array([self.a, self.a**2])
        self.minima = self.minimum[None, :]
        self.bounds = ((-2.0, 2.0), (-1.0, 3.0))

    def _value(self, x, y):
        return (self.a - x) ** 2 + self.b * (y - x**2) ** 2

    def _grad(self, x, y):
        r = y - x**2  # valley residual
        gx = -2.0 * (self.a - x) - 4.0 * self.b * x * r  # dJ/dx, dr/dx = -2x
        gy = 2.0 * self.b * r  # dJ/dy, dr/dy = 1
        return gx, gy


class Saddle(Surface):
    r"""Saddle :math:`J(\theta) = \theta_1^2 - \theta_2^2`; unbounded below, ``minimum`` is None.

    See :ref:`local-minima-saddle-points-and-non-convexity`.

    The origin is a stationary point (``stationary_point``) where the gradient vanishes
    but which is not a minimum.
    """

    def __init__(self) -> None:
        self.minimum = None
        self.minima = np.zeros((0, 2))
        self.stationary_point = np.zeros(2)
        self.bounds = ((-2.0, 2.0), (-2.0, 2.0))

    def _value(self, x, y):
        return x**2 - y**2

    def _grad(self, x, y):
        return 2.0 * x, -2.0 * y  # dJ/dx = 2x, dJ/dy = -2y


class Himmelblau(Surface):
    r"""Himmelblau's function: four minima, all with :math:`J = 0`.

    See :ref:`local-minima-saddle-points-and-non-convexity`.

    .. math::
        J(\theta) = (\theta_1^2 + \theta_2 - 11)^2 + (\theta_1 + \theta_2^2 - 7)^2
    """

    def __init__(self) -> None:
        self.minima = np.array(
            [
                [3.0, 2.0],
                [-2.805118086952745, 3.131312518250573],
                [-3.779310253377747, -3.283185991286170],
                [3.584428340330492, -1.848126526964404],
            ]
        )
        self.minimum = self.minima[0]
        self.bounds = ((-5.0, 5.0), (-5.0, 5.0))

    def _value(self, x, y):
        return (x**2 + y - 11.0) ** 2 + (x + y**2 - 7.0) ** 2

    def _grad(self, x, y):
        u, v = x**2 + y - 11.0, x + y**2 - 7.0
        return 4.0 * x * u + 2.0 * v, 2.0 * u + 4.0 * y * v  # chain rule through u and v


class DoubleWell(Surface):
    r"""Tilted double well: a global and a worse local minimum.

    See :ref:`local-minima-saddle-points-and-non-convexity`.

    .. math::
        J(\theta) = (\theta_1^2 - 1)^2 + \text{tilt}\,\theta_1 + \tfrac12 \theta_2^2

    Parameters
    ----------
    tilt : float
        Positive tilt makes the left well (near :math:`\theta_1 = -1`) the global minimum and
        the right well a local one; must satisfy ``0 < tilt < 1.5`` so both wells exist.

    Attributes
    ----------
    minimum, local_minimum : ndarray of shape (2,)
    """

    def __init__(self, tilt: float = 0.3) -> None:
        self.tilt = check_positive(tilt, "tilt")
        if self.tilt >= 1.5:
            raise ValueError(f"tilt must be below 1.5 for two wells to exist, got {tilt}")
        roots = np.roots([4.0, 0.0, -4.0, self.tilt])  # dJ/dx = 4x^3 - 4x + tilt = 0
        xs = np.sort(roots.real)  # left minimum, central maximum, right minimum
        self.minimum = np.array([xs[0], 0.0])
        self.local_minimum = np.array([xs[2], 0.0])
        self.minima = np.stack([self.minimum, self.local_minimum])
        self.bounds = ((-2.0, 2.0), (-1.5, 1.5))

    def _value(self, x, y):
        return (x**2 - 1.0) ** 2 + self.tilt * x + 0.5 * y**2

    def _grad(self, x, y):
        return 4.0 * x * (x**2 - 1.0) + self.tilt, y  # dJ/dx, dJ/dy = y
