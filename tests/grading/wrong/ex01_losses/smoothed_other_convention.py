"""Targets 1 - α for the true class and α/(C - 1) for the others.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: α/(C - 1)
mistake: smoothing-other-convention
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, alpha):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    q = np.full((n, c), alpha / (c - 1))
    q[np.arange(n), labels] = 1.0 - alpha
    return (p - q) / n
