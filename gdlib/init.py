r"""Weight initialisers, Chapter 6 (:ref:`deriving-the-initialisation`).

Each scheme picks the spread of the initial weights θ so that activations and gradients
neither shrink nor blow up layer after layer. Every initialiser has one signature,
``init(fan_in, fan_out, rng, *, dtype=np.float64)``, and returns a weight matrix of shape
(fan_in, fan_out), the layout ``gdlib.nn.Linear`` uses (``y = x @ W + b``). Randomness always
comes in as an explicit ``rng: np.random.Generator``; the numbers are drawn in float64 and
then converted, so a float32 layer starts from the float64 layer's weights, rounded.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._validate import check_float_dtype, check_positive, check_positive_int, check_rng

__all__ = [
    "zeros",
    "normal",
    "xavier_uniform",
    "xavier_normal",
    "he_normal",
    "he_uniform",
    "get_initializer",
]


def _check_fans(fan_in, fan_out) -> tuple[int, int]:
    return check_positive_int(fan_in, "fan_in"), check_positive_int(fan_out, "fan_out")


def _draw(rng, method: str, shape: tuple[int, int], dtype, *args) -> np.ndarray:
    """``rng.<method>(*args, size=shape)``, drawn in float64 and converted to ``dtype``."""
    dtype = check_float_dtype(dtype)
    return getattr(check_rng(rng), method)(*args, size=shape).astype(dtype, copy=False)


def zeros(fan_in: int, fan_out: int, rng: np.random.Generator | None = None, *, dtype=np.float64):
    """All-zero weights; see :ref:`deriving-the-initialisation` for why they fail.

    Every hidden unit then computes the same thing and gets the same gradient, so they never
    differ. (Zeros are the usual choice for biases, which ``Linear`` sets itself.)

    Parameters
    ----------
    fan_in, fan_out : int
        Positive numbers of inputs and outputs of the layer.
    rng : numpy.random.Generator, optional
        Ignored (accepted so every initialiser has the same signature).
    dtype : numpy float dtype, default np.float64

    Returns
    -------
    ndarray of shape (fan_in, fan_out)
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    return np.zeros((fan_in, fan_out), dtype=check_float_dtype(dtype))


def normal(
    fan_in: int, fan_out: int, rng: np.random.Generator, std: float = 0.01, *, dtype=np.float64
) -> np.ndarray:
    r"""Gaussian weights :math:`\theta_{ij} \sim \mathcal N(0, \text{std}^2)`, ignoring the fans.

    The classic small fixed spread that :ref:`deriving-the-initialisation` shows vanishing in
    deep networks.

    Parameters
    ----------
    fan_in, fan_out : int
        Positive numbers of inputs and outputs of the layer.
    rng : numpy.random.Generator
    std : float, default 0.01
        Positive standard deviation.
    dtype : numpy float dtype, default np.float64

    Returns
    -------
    ndarray of shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If ``rng`` is not a Generator.
    ValueError
        If a fan is below 1 or ``std`` is not positive.
    """
    shape = _check_fans(fan_in, fan_out)
    std = check_positive(std, "std")
    return _draw(rng, "normal", shape, dtype, 0.0, std)


def xavier_uniform(
    fan_in: int, fan_out: int, rng: np.random.Generator, *, dtype=np.float64
) -> np.ndarray:
    r"""Xavier/Glorot uniform weights; derived in :ref:`deriving-the-initialisation`.

    .. math:: \theta_{ij} \sim U(-a, a), \quad a = \sqrt{6 / (\text{fan\_in} + \text{fan\_out})}

    Variance :math:`a^2/3 = 2/(\text{fan\_in} + \text{fan\_out})`, the compromise
    between keeping forward and backward signals at unit variance for tanh-like
    units (Glorot & Bengio, 2010); as ``torch.nn.init.xavier_uniform_`` (gain 1).

    Parameters
    ----------
    fan_in, fan_out : int
        Positive numbers of inputs and outputs of the layer.
    rng : numpy.random.Generator
    dtype : numpy float dtype, default np.float64

    Returns
    -------
    ndarray of shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a fan is not an integer, ``rng`` is not a Generator or ``dtype`` not a float type.
    ValueError
        If a fan is below 1.

    Examples
    --------
    >>> xavier_uniform(3, 2, np.random.default_rng(0), dtype=np.float32).dtype
    dtype('float32')
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return _draw(rng, "uniform", (fan_in, fan_out), dtype, -a, a)


def xavier_normal(
    fan_in: int, fan_out: int, rng: np.random.Generator, *, dtype=np.float64
) -> np.ndarray:
    r"""Xavier/Glorot normal weights; derived in :ref:`deriving-the-initialisation`.

    .. math:: \theta_{ij} \sim \mathcal N(0, \sigma^2), \quad
              \sigma = \sqrt{2 / (\text{fan\_in} + \text{fan\_out})}

    Same variance as :func:`xavier_uniform`; same parameters, return and errors.
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return _draw(rng, "normal", (fan_in, fan_out), dtype, 0.0, std)


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator, *, dtype=np.float64):
    r"""He/Kaiming normal weights; derived in :ref:`deriving-the-initialisation`.

    .. math:: \theta_{ij} \sim \mathcal N(0, \sigma^2), \quad \sigma = \sqrt{2 / \text{fan\_in}}

    The factor 2 makes up for ReLU zeroing half its inputs, so the forward
    variance stays constant through ReLU layers (He et al., 2015); equals
    ``torch.nn.init.kaiming_normal_`` with ``mode="fan_in"``, ReLU gain.
    Same parameters, return and errors as :func:`xavier_uniform`.
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    std = np.sqrt(2.0 / fan_in)
    return _draw(rng, "normal", (fan_in, fan_out), dtype, 0.0, std)


def he_uniform(fan_in: int, fan_out: int, rng: np.random.Generator, *, dtype=np.float64):
    r"""He/Kaiming uniform weights; derived in :ref:`deriving-the-initialisation`.

    .. math:: \theta_{ij} \sim U(-a, a), \quad a = \sqrt{6 / \text{fan\_in}}

    Variance 2/fan_in, as :func:`he_normal`. Same parameters, return and errors as
    :func:`xavier_uniform`.
    """
    fan_in, fan_out = _check_fans(fan_in, fan_out)
    a = np.sqrt(6.0 / fan_in)
    return _draw(rng, "uniform", (fan_in, fan_out), dtype, -a, a)


_INITIALIZERS: dict[str, Callable[..., np.ndarray]] = {
    "he": he_normal,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
    "xavier": xavier_uniform,
    "xavier_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "normal": normal,
    "zeros": zeros,
}


def get_initializer(name: str) -> Callable[..., np.ndarray]:
    """Look up a weight initialiser by name (used by ``gdlib.nn.Linear``).

    See :ref:`deriving-the-initialisation`.

    Parameters
    ----------
    name : str
        One of ``"he"`` (= ``"he_normal"``), ``"he_uniform"``, ``"xavier"``
        (= ``"xavier_uniform"``), ``"xavier_normal"``, ``"normal"`` (std 0.01) or ``"zeros"``.

    Returns
    -------
    callable
        ``init(fan_in, fan_out, rng, *, dtype=np.float64)`` returning shape (fan_in, fan_out).

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
