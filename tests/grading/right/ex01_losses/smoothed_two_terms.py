"""The derivation's two terms kept apart: (1 - α)(P - Y)/N + α(P - 1/C)/N.

cell: smoothed_cross_entropy_grad
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, alpha):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return ((1 - alpha) * (p - np.eye(c)[labels]) + alpha * (p - 1.0 / c)) / n
