r"""Classification losses from logits (binary and softmax cross-entropy) and their pieces."""

from __future__ import annotations

import numpy as np

from .._validate import as_float_array, check_pred_target


def sigmoid(z) -> np.ndarray:
    r"""Numerically stable logistic function :math:`\sigma(z) = 1/(1 + e^{-z})`.

    See :ref:`binary-cross-entropy`. Only :math:`e^{-|z|} \in (0, 1]` is ever computed, so no
    overflow occurs.

    Parameters
    ----------
    z : ndarray of any shape, float

    Returns
    -------
    ndarray of the shape and dtype of ``z``, values in [0, 1]
    """
    z = as_float_array(z, "z")
    with np.errstate(under="ignore"):  # e^{-|z|} may underflow to 0: exact enough
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_softmax(logits) -> np.ndarray:
    r"""Stable :math:`\log \operatorname{softmax}` along the last axis.

    See :ref:`numerical-stability-the-log-sum-exp-trick`:

    .. math:: \log p_k = z_k - m - \log \sum_j e^{z_j - m}, \quad m = \max_j z_j

    Parameters
    ----------
    logits : ndarray of shape (N, C), float

    Returns
    -------
    ndarray of shape (N, C)
    """
    z = as_float_array(logits, "logits")
    shifted = z - np.max(z, axis=-1, keepdims=True)  # largest entry becomes 0
    with np.errstate(under="ignore"):
        return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def softmax(logits) -> np.ndarray:
    r"""Stable softmax along the last axis: :math:`p_k = e^{z_k - m} / \sum_j e^{z_j - m}`.

    See :ref:`numerical-stability-the-log-sum-exp-trick` (m = max_j z_j).

    Parameters
    ----------
    logits : ndarray of shape (N, C), float

    Returns
    -------
    P : ndarray of shape (N, C)
        Each row sums to 1.
    """
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
    r"""Softmax cross-entropy from logits; derived in :ref:`softmax-cross-entropy`.

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
    Computed with log-sum-exp (:ref:`numerical-stability-the-log-sum-exp-trick`), like
    ``torch.nn.functional.cross_entropy``.

    Examples
    --------
    >>> round(cross_entropy(np.zeros((2, 4)), np.array([0, 3])), 6)  # log 4
    1.386294
    """
    z, y = _check_ce(logits, labels)
    return float(-np.mean(log_softmax(z)[np.arange(z.shape[0]), y]))


def cross_entropy_grad(logits, labels) -> np.ndarray:
    r"""Gradient of :func:`cross_entropy`: :math:`(P - Y)/N`; see :ref:`softmax-cross-entropy`.

    P = softmax(Z) and Y = onehot(y).

    Parameters
    ----------
    logits : ndarray of shape (N, C), float
    labels : ndarray of shape (N,), integer, values in [0, C)

    Returns
    -------
    ndarray of shape (N, C), the dtype of ``logits``
    """
    z, y = _check_ce(logits, labels)
    n = z.shape[0]
    g = softmax(z)
    g[np.arange(n), y] -= 1.0  # dJ/dz = softmax(z) - onehot(y), per example
    with np.errstate(under="ignore"):
        return g / n


def _check_bce(logits, targets):
    z, y = check_pred_target(logits, targets, "logits", "targets")
    bad = np.flatnonzero(~((y >= 0.0) & (y <= 1.0)))
    if bad.size:
        i = tuple(int(k) for k in np.unravel_index(bad[0], y.shape))
        raise ValueError(
            f"targets must be probabilities in [0, 1], got {y[i]} at index {i}; "
            "use 0/1 class labels or probabilities, not e.g. -1/+1"
        )
    return z, y


def binary_cross_entropy(logits, targets) -> float:
    r"""Binary cross-entropy from logits; derived in :ref:`binary-cross-entropy`.

    .. math::
        J = -\frac{1}{N} \sum_n \big(y_n \log \sigma(z_n) + (1 - y_n) \log(1 - \sigma(z_n))\big)
          = \frac{1}{N} \sum_n \big(\max(z_n, 0) - z_n y_n + \log(1 + e^{-|z_n|})\big)

    with N = ``logits.size``.

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
    r"""Gradient of :func:`binary_cross_entropy`: :math:`(\sigma(z) - y)/N`.

    See :ref:`binary-cross-entropy`. Same parameters as :func:`binary_cross_entropy`; returns
    an ndarray of the shape and dtype of ``logits``.
    """
    z, y = _check_bce(logits, targets)
    with np.errstate(under="ignore"):
        return (sigmoid(z) - y) / z.size  # dJ/dz_n = (σ(z_n) - y_n) / N
