r"""Gradient clipping, Chapter 6 (:ref:`exploding-gradients-and-gradient-clipping`).

Both functions change the gradient arrays **in place**, as their ``torch.nn.utils`` namesakes
do, so they slot in between ``model.backward`` and ``opt.step(model.gradients())``; the arrays
keep their dtype.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._validate import as_float_array, check_positive


def _check_grads(grads) -> list[np.ndarray]:
    """Check that ``grads`` is a list (or tuple) of float ndarrays."""
    if not isinstance(grads, (list, tuple)):
        raise TypeError(
            f"grads must be a list of arrays, got {type(grads).__name__}; "
            "for a single array pass [g]"
        )
    for i, g in enumerate(grads):
        if not isinstance(g, np.ndarray):
            raise TypeError(
                f"grads[{i}] must be a numpy ndarray (it is changed in place), "
                f"got {type(g).__name__}"
            )
        as_float_array(g, f"grads[{i}]")
    return list(grads)


def clip_grad_norm(grads: Sequence[np.ndarray], max_norm: float) -> float:
    r"""Rescale all gradients together so their global L2 norm is at most ``max_norm``.

    .. math::
        \lVert g \rVert = \sqrt{\textstyle\sum_k \lVert g^{(k)} \rVert_2^2}, \qquad
        g^{(k)} \leftarrow g^{(k)} \cdot \frac{\text{max\_norm}}{\lVert g \rVert + 10^{-6}}
        \quad \text{if } \lVert g \rVert > \text{max\_norm}

    Derived in :ref:`exploding-gradients-and-gradient-clipping`. The direction of the full
    gradient g_t is kept; only its length shrinks.

    Parameters
    ----------
    grads : list of ndarray, float
        Gradient arrays of any shapes, modified **in place**.
    max_norm : float
        Positive bound on the global norm.

    Returns
    -------
    float
        The global norm **before** clipping (0.0 for an empty list), handy for
        logging exploding gradients.

    Raises
    ------
    TypeError
        If ``grads`` is not a list of float ndarrays.
    ValueError
        If ``max_norm`` is not positive and finite.

    Notes
    -----
    Same rule and the same 1e-6 as ``torch.nn.utils.clip_grad_norm_``; so the
    clipped norm is slightly below ``max_norm``.

    Examples
    --------
    >>> g = [np.array([3.0]), np.array([4.0])]
    >>> clip_grad_norm(g, 1.0)
    5.0
    >>> round(float(np.hypot(g[0][0], g[1][0])), 6)
    1.0
    """
    grads = _check_grads(grads)
    max_norm = check_positive(max_norm, "max_norm")
    total = float(np.sqrt(sum(float(np.vdot(g, g)) for g in grads)))  # ‖g‖² = Σ_k g⁽ᵏ⁾·g⁽ᵏ⁾
    if total > max_norm:
        scale = max_norm / (total + 1e-6)
        for g in grads:
            g *= scale  # in place: the caller's arrays change
    return total


def clip_grad_value(grads: Sequence[np.ndarray], clip_value: float) -> None:
    r"""Clamp every gradient entry to ``[-clip_value, clip_value]``, in place.

    .. math:: g_i \leftarrow \min(\max(g_i, -c), c)

    See :ref:`exploding-gradients-and-gradient-clipping`. Unlike :func:`clip_grad_norm` this
    can change the gradient's direction.

    Parameters
    ----------
    grads : list of ndarray, float
        Gradient arrays of any shapes, modified **in place**.
    clip_value : float
        Positive bound c.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If ``grads`` is not a list of float ndarrays.
    ValueError
        If ``clip_value`` is not positive and finite.

    Examples
    --------
    >>> g = [np.array([-3.0, 0.5, 2.0])]
    >>> clip_grad_value(g, 1.0)
    >>> g[0]
    array([-1. ,  0.5,  1. ])
    """
    grads = _check_grads(grads)
    clip_value = check_positive(clip_value, "clip_value")
    for g in grads:
        np.clip(g, -clip_value, clip_value, out=g)
