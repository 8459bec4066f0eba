r"""Weight initialisers, Chapter 6 (Vanishing and exploding gradients).

Each scheme picks the spread of the initial weights θ so that activations and
gradients neither shrink nor blow up layer after layer. Weight matrices have
shape (fan_in, fan_out), the layout ``gdlib.nn.Linear`` uses (``y = x @ W + b``).
Randomness always comes in as an explicit ``rng: np.random.Generator``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._validate import check_positive, check_positive_int, check_rng


def _check_fans(fan_in, fan_out) -> tuple[int, int]:
    return check_positive_int(fan_in, "fan_in"), check_positive_int(fan_out, "fan_out")


def zeros(shape) -> np.ndarray:
    """All-zero float64 array of the given shape (the usual choice for biases).

    Chapter 6 (Vanishing and exploding gradients) shows why zero *weights* fail:
    every hidden unit then gets the same gradient and they never differ.

    Parameters
    ----------
    shape : int or tuple of int

    Returns
    -------
    ndarray of shape ``shape``, float64
    """
    return np.zeros(shape, dtype=np.float64)


def normal(shape, std: float, rng: np.random.Generator) -> np.ndarray:
    r"""Gaussian weights :math:`\theta_{ij} \sim \mathcal N(0, \text{std}^2)`.

    Parameters
    ----------
    shape : int or tuple of int
    std : float
        Positive standard deviation (0.01 is the classic small choice).
    rng : numpy.random.Generator

    Returns
    -------
    ndarray of shape ``shape``, float64

    Raises
    ------
    TypeError
        If ``rng`` is not a Generator.
    ValueError
        If ``std`` is not positive.
    """
    std = check_positive(std, "std")
    return check_rng(rng).normal(0.0, std, size=shape)


def _uniform(a: float, fan_in: int, fan_out: int, rng) -> np.ndarray:
    return check_rng(rng).uniform(-a, a, size=(fan_in, fan_out))


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Xavier/Glorot uniform weights, Chapter 6 (Vanishing and exploding gradients).

    .. math:: \theta_{ij} \sim U(-a, a), \quad a = \sqrt{6 / (\text{fan\_in} + \text{fan\_out})}

    Variance :math:`a^2/3 = 2/(\text{fan\_in} + \text{fan\_out})`, the compromise
    between keeping forward and backward signals at unit variance for tanh-like
    units (Glorot & Bengio, 2010); as ``torch.nn.init.xavier_uniform_`` (gain 1).

    Parameters
    ----------
    fan_in, fan_out : int
        Positive numbers of inputs and outputs of the layer.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray of shape (fan_in, fan_out), float64

    Raises
    ------
    TypeError
        If a fan is not an integer or ``rng`` is not a Generator.
    ValueError
        If a fan is below 1.

    Examples
    --------
    >>> xavier_uniform(3, 2, np.random.default_rng(0)).shape
    (3, 2)
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    return _uniform(np.sqrt(6.0 / (fan_in + fan_out)), fan_in, fan_out, rng)


def xavier_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Xavier/Glorot normal weights, Chapter 6 (Vanishing and exploding gradients).

    .. math:: \theta_{ij} \sim \mathcal N(0, \sigma^2), \quad
              \sigma = \sqrt{2 / (\text{fan\_in} + \text{fan\_out})}

    Same variance as :func:`xavier_uniform`; same parameters, return and errors.
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return check_rng(rng).normal(0.0, std, size=(fan_in, fan_out))


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""He/Kaiming normal weights, Chapter 6 (Vanishing and exploding gradients).

    .. math:: \theta_{ij} \sim \mathcal N(0, \sigma^2), \quad \sigma = \sqrt{2 / \text{fan\_in}}

    The factor 2 makes up for ReLU zeroing half its inputs, so the forward
    variance stays constant through ReLU layers (He et al., 2015); equals
    ``torch.nn.init.kaiming_normal_`` with ``mode="fan_in"``, ReLU gain.
    Same parameters, return and errors as :func:`xavier_uniform`.
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    return check_rng(rng).normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


def he_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""He/Kaiming uniform weights, Chapter 6 (Vanishing and exploding gradients).

    .. math:: \theta_{ij} \sim U(-a, a), \quad a = \sqrt{6 / \text{fan\_in}}

    Variance 2/fan_in, as :func:`he_normal`.

    Same parameters, return and errors as :func:`xavier_uniform`.
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    return _uniform(np.sqrt(6.0 / fan_in), fan_in, fan_out, rng)


def _normal_001(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    return normal((fan_in, fan_out), 0.01, rng)


def _zeros(fan_in: int, fan_out: int, rng: np.random.Generator | None = None) -> np.ndarray:
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    return zeros((fan_in, fan_out))


_INITIALIZERS: dict[str, Callable[..., np.ndarray]] = {
    "he": he_normal,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
    "xavier": xavier_uniform,
    "xavier_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "normal": _normal_001,
    "zeros": _zeros,
}


def get_initializer(name: str) -> Callable[..., np.ndarray]:
    """Look up a weight initialiser by name (used by ``gdlib.nn.Linear``).

    Parameters
    ----------
    name : str
        One of ``"he"`` (= ``"he_normal"``), ``"he_uniform"``, ``"xavier"``
        (= ``"xavier_uniform"``), ``"xavier_normal"``, ``"normal"``
        (std 0.01) or ``"zeros"``.

    Returns
    -------
    callable
        ``init(fan_in, fan_out, rng)`` returning a float64 array of shape
        (fan_in, fan_out). ``"zeros"`` ignores ``rng``.

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If ``name`` is unknown; the message lists the valid names.

    Examples
    --------
    >>> get_initializer("he")(4, 3, np.random.default_rng(0)).shape
    (4, 3)
    """
    if not isinstance(name, str):
        raise TypeError(f"initializer name must be a string, got {type(name).__name__}")
    try:
        return _INITIALIZERS[name]
    except KeyError:
        valid = ", ".join(repr(k) for k in _INITIALIZERS)
        raise ValueError(f"unknown initializer {name!r}; choose one of {valid}") from None
