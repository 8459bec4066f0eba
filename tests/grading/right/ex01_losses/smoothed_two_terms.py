"""The derivation's two terms kept apart: (1 - τ)(P - Y)/N + τ(P - 1/C)/N.

cell: smoothed_cross_entropy_grad
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return ((1 - smoothing) * (p - np.eye(c)[labels]) + smoothing * (p - 1.0 / c)) / n
