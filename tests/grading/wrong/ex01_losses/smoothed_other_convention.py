"""Targets 1 - τ for the true class and τ/(C - 1) for the others.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: τ/(C - 1)
mistake: smoothing-other-convention
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    q = np.full((n, c), smoothing / (c - 1))
    q[np.arange(n), labels] = 1.0 - smoothing
    return (p - q) / n
