r"""Regression losses: MSE, MAE and Huber, and their gradients with respect to the prediction."""

from __future__ import annotations

import numpy as np

from .._validate import check_positive, check_pred_target


def mse(pred, target) -> float:
    r"""Mean squared error; derived in :ref:`regression-losses-mse-mae-and-huber`.

    .. math:: J = \frac{1}{N} \sum_n (\hat y_n - y_n)^2

    the mean of the squared residuals (no ½), over every entry: N = ``pred.size``.

    Parameters
    ----------
    pred : ndarray of shape (N,) or (N, C), float
        Predictions ŷ (any shape).
    target : ndarray of the same shape
        Targets y (int or bool targets are converted to pred's dtype).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``pred`` is not a floating-point array.
    ValueError
        If the shapes differ or the arrays are empty.

    Examples
    --------
    >>> mse(np.array([1.0, 3.0]), np.array([0.0, 0.0]))
    5.0
    """
    pred, target = check_pred_target(pred, target)
    return float(np.mean((pred - target) ** 2))


def mse_grad(pred, target) -> np.ndarray:
    r"""Gradient of :func:`mse`: :math:`2(\hat y - y)/N`.

    See :ref:`regression-losses-mse-mae-and-huber`.

    Parameters
    ----------
    pred, target : ndarray of the same shape
        As for :func:`mse`.

    Returns
    -------
    ndarray of the shape and dtype of ``pred``
    """
    pred, target = check_pred_target(pred, target)
    return 2.0 * (pred - target) / pred.size  # dJ/dŷ_n = 2 (ŷ_n - y_n) / N


def mae(pred, target) -> float:
    r"""Mean absolute error; derived in :ref:`regression-losses-mse-mae-and-huber`.

    .. math:: J = \frac{1}{N} \sum_n |\hat y_n - y_n|

    Same parameters, return value and errors as :func:`mse`.
    """
    pred, target = check_pred_target(pred, target)
    return float(np.mean(np.abs(pred - target)))


def mae_grad(pred, target) -> np.ndarray:
    r"""(Sub)gradient of :func:`mae`: :math:`\operatorname{sign}(\hat y - y)/N`.

    See :ref:`regression-losses-mse-mae-and-huber`. Same parameters as :func:`mse_grad`.

    Notes
    -----
    At a kink (``pred == target``) the subgradient 0 is returned, as ``torch`` does.
    """
    pred, target = check_pred_target(pred, target)
    return np.sign(pred - target) / pred.size  # dJ/dŷ_n = sign(ŷ_n - y_n) / N


def huber(pred, target, delta: float = 1.0) -> float:
    r"""Huber loss, as ``torch.nn.HuberLoss``; see :ref:`regression-losses-mse-mae-and-huber`.

    .. math::
        J = \frac{1}{N} \sum_n
        \begin{cases} \tfrac12 r_n^2 & |r_n| \le \delta \\
        \delta (|r_n| - \tfrac12 \delta) & \text{otherwise} \end{cases},
        \quad r_n = \hat y_n - y_n

    Parameters
    ----------
    pred, target : ndarray of the same shape
    delta : float, default 1.0
        Positive threshold between the quadratic and the linear part.

    Raises
    ------
    TypeError, ValueError
        As :func:`mse`; also ``ValueError`` if ``delta`` is not positive.
    """
    pred, target = check_pred_target(pred, target)
    delta = check_positive(delta, "delta")
    r = np.abs(pred - target)
    return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))))


def huber_grad(pred, target, delta: float = 1.0) -> np.ndarray:
    r"""Gradient of :func:`huber`: :math:`\operatorname{clip}(r, -\delta, \delta)/N`.

    See :ref:`regression-losses-mse-mae-and-huber`. Same parameters as :func:`huber`; returns
    an ndarray of the shape and dtype of ``pred``.
    """
    pred, target = check_pred_target(pred, target)
    delta = check_positive(delta, "delta")
    return np.clip(pred - target, -delta, delta) / pred.size  # dJ/dŷ_n = clip(r_n) / N
