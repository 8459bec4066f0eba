r"""Loss functions J(θ) and their gradients with respect to the prediction.

Chapter 1 (Loss functions) derives every formula here. Each ``*_grad`` returns
dJ/d(pred) (or dJ/d(logits)) with the same shape as its first argument, so it
can be fed straight into a layer's ``backward``. All reductions are means, as
in ``torch.nn`` with its default ``reduction="mean"``. No function mutates its
inputs. Everything stays finite and warning-free for logits as large as ±1e4;
an e^{-|z|} too small for float64 underflows silently to 0, which is the
correctly rounded answer.
"""

from __future__ import annotations

import numpy as np

from ._validate import as_float_array, check_positive, check_same_shape


def _pair(pred, target, pred_name: str = "pred", target_name: str = "target"):
    """Validate a (prediction, target) pair; return both as float arrays."""
    pred = as_float_array(pred, pred_name)
    target = np.asarray(target)
    if target.dtype == bool or np.issubdtype(target.dtype, np.integer):
        target = target.astype(np.float64)
    target = as_float_array(target, target_name)
    check_same_shape(pred, target, pred_name, target_name)
    if pred.size == 0:
        raise ValueError(f"{pred_name} is empty; a mean loss needs at least one element")
    return pred, target


def mse(pred, target) -> float:
    r"""Mean squared error, Chapter 1 (Loss functions).

    .. math:: J = \frac{1}{M} \sum_i (\hat y_i - y_i)^2, \quad M = \text{pred.size}

    Parameters
    ----------
    pred : ndarray of any shape, float
    target : ndarray of the same shape

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
    pred, target = _pair(pred, target)
    return float(np.mean((pred - target) ** 2))


def mse_grad(pred, target) -> np.ndarray:
    r"""Gradient of :func:`mse` w.r.t. ``pred``: :math:`2(\hat y - y)/M`."""
    pred, target = _pair(pred, target)
    return 2.0 * (pred - target) / pred.size  # dJ/dŷ_i = 2 (ŷ_i - y_i) / M


def mae(pred, target) -> float:
    r"""Mean absolute error, Chapter 1 (Loss functions).

    .. math:: J = \frac{1}{M} \sum_i |\hat y_i - y_i|

    Same parameters, return value and errors as :func:`mse`.
    """
    pred, target = _pair(pred, target)
    return float(np.mean(np.abs(pred - target)))


def mae_grad(pred, target) -> np.ndarray:
    r"""(Sub)gradient of :func:`mae`: :math:`\operatorname{sign}(\hat y - y)/M`.

    Notes
    -----
    At a kink (``pred == target``) the subgradient 0 is returned, as ``torch`` does.
    """
    pred, target = _pair(pred, target)
    return np.sign(pred - target) / pred.size  # dJ/dŷ_i = sign(ŷ_i - y_i) / M


def huber(pred, target, delta: float = 1.0) -> float:
    r"""Huber loss, Chapter 1 (Loss functions); ``torch.nn.HuberLoss`` with mean.

    .. math::
        J = \frac{1}{M} \sum_i
        \begin{cases} \tfrac12 r_i^2 & |r_i| \le \delta \\
        \delta (|r_i| - \tfrac12 \delta) & \text{otherwise} \end{cases},
        \quad r_i = \hat y_i - y_i

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
    pred, target = _pair(pred, target)
    delta = check_positive(delta, "delta")
    r = np.abs(pred - target)
    return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))))


def huber_grad(pred, target, delta: float = 1.0) -> np.ndarray:
    r"""Gradient of :func:`huber`: :math:`\operatorname{clip}(r, -\delta, \delta)/M`."""
    pred, target = _pair(pred, target)
    delta = check_positive(delta, "delta")
    return np.clip(pred - target, -delta, delta) / pred.size  # dJ/dŷ_i = clip(r_i)/M


def sigmoid(z) -> np.ndarray:
    r"""Numerically stable logistic function :math:`\sigma(z) = 1/(1 + e^{-z})`.

    Only :math:`e^{-|z|} \in (0, 1]` is ever computed, so no overflow occurs.

    Parameters
    ----------
    z : ndarray of any shape, float

    Returns
    -------
    ndarray of the same shape, values in [0, 1]
    """
    z = as_float_array(z, "z")
    with np.errstate(under="ignore"):  # e^{-|z|} may underflow to 0: exact enough
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_softmax(logits) -> np.ndarray:
    r"""Stable :math:`\log \operatorname{softmax}` along the last axis.

    .. math:: \log p_k = z_k - m - \log \sum_j e^{z_j - m}, \quad m = \max_j z_j
    """
    z = as_float_array(logits, "logits")
    shifted = z - np.max(z, axis=-1, keepdims=True)  # largest entry becomes 0
    with np.errstate(under="ignore"):
        return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def softmax(logits) -> np.ndarray:
    r"""Stable softmax along the last axis: :math:`p_k = e^{z_k - m} / \sum_j e^{z_j - m}`."""
    z = as_float_array(logits, "logits")
    with np.errstate(under="ignore"):  # tiny probabilities may underflow to 0
        e = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)


def _check_ce(logits, labels):
    """Validate logits of shape (N, C) and integer labels of shape (N,)."""
    z = as_float_array(logits, "logits")
    if z.ndim != 2 or z.shape[0] == 0 or z.shape[1] == 0:
        raise ValueError(
            f"logits must have shape (N, C) with N, C >= 1, got {z.shape}; "
            "for a single example use logits[None, :]"
        )
    y = np.asarray(labels)
    if not np.issubdtype(y.dtype, np.integer):
        raise TypeError(
            f"labels must be an integer array of class indices, got dtype {y.dtype}; "
            "convert with labels.astype(int) (one-hot labels: labels.argmax(axis=1))"
        )
    if y.shape != (z.shape[0],):
        raise ValueError(f"labels shape {y.shape} must be (N,) = ({z.shape[0]},)")
    bad = np.flatnonzero((y < 0) | (y >= z.shape[1]))
    if bad.size:
        i = int(bad[0])
        raise ValueError(
            f"labels must lie in [0, C) = [0, {z.shape[1]}), got {y[i]} at index {i}; "
            "classes are numbered 0..C-1 (subtract 1 from 1-based labels)"
        )
    return z, y


def cross_entropy(logits, labels) -> float:
    r"""Softmax cross-entropy from logits, Chapter 1 (Loss functions).

    .. math::
        J = -\frac{1}{N} \sum_{n} \log \operatorname{softmax}(z_n)_{y_n}
          = \frac{1}{N} \sum_n \Big(\log \sum_k e^{z_{nk}} - z_{n y_n}\Big)

    Parameters
    ----------
    logits : ndarray of shape (N, C), float
    labels : ndarray of shape (N,), integer, values in [0, C)

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``logits`` is not float or ``labels`` is not integer.
    ValueError
        If the shapes are wrong or a label is outside [0, C).

    Notes
    -----
    Computed with log-sum-exp, like ``torch.nn.functional.cross_entropy``.

    Examples
    --------
    >>> round(cross_entropy(np.zeros((2, 4)), np.array([0, 3])), 6)  # log 4
    1.386294
    """
    z, y = _check_ce(logits, labels)
    return float(-np.mean(log_softmax(z)[np.arange(z.shape[0]), y]))


def cross_entropy_grad(logits, labels) -> np.ndarray:
    r"""Gradient of :func:`cross_entropy`: :math:`(\operatorname{softmax}(z) - \text{onehot}(y))/N`.

    Returns an ndarray of shape (N, C).
    """
    z, y = _check_ce(logits, labels)
    n = z.shape[0]
    g = softmax(z)
    g[np.arange(n), y] -= 1.0  # dJ/dz = softmax(z) - onehot(y), per example
    with np.errstate(under="ignore"):
        return g / n


def _check_bce(logits, targets):
    z, y = _pair(logits, targets, "logits", "targets")
    bad = np.flatnonzero(~((y >= 0.0) & (y <= 1.0)))
    if bad.size:
        i = tuple(int(k) for k in np.unravel_index(bad[0], y.shape))
        raise ValueError(
            f"targets must be probabilities in [0, 1], got {y[i]} at index {i}; "
            "use 0/1 class labels or probabilities, not e.g. -1/+1"
        )
    return z, y


def binary_cross_entropy(logits, targets) -> float:
    r"""Binary cross-entropy from logits, Chapter 1 (Loss functions).

    .. math::
        J = -\frac{1}{M} \sum_i \big(y_i \log \sigma(z_i) + (1 - y_i) \log(1 - \sigma(z_i))\big)
          = \frac{1}{M} \sum_i \big(\max(z_i, 0) - z_i y_i + \log(1 + e^{-|z_i|})\big)

    Parameters
    ----------
    logits : ndarray of any shape, float
    targets : ndarray of the same shape, values in [0, 1]

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``logits`` is not a floating-point array.
    ValueError
        If the shapes differ, the arrays are empty or a target is outside [0, 1].

    Notes
    -----
    The second form (as in ``torch.nn.BCEWithLogitsLoss``) never exponentiates a
    positive number, so it is finite for any finite logits.
    """
    z, y = _check_bce(logits, targets)
    with np.errstate(under="ignore"):  # e^{-|z|} may underflow to 0: exact enough
        return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def binary_cross_entropy_grad(logits, targets) -> np.ndarray:
    r"""Gradient of :func:`binary_cross_entropy`: :math:`(\sigma(z) - y)/M`."""
    z, y = _check_bce(logits, targets)
    with np.errstate(under="ignore"):
        return (sigmoid(z) - y) / z.size  # dJ/dz_i = (σ(z_i) - y_i) / M
