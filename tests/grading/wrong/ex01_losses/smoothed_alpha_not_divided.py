"""Adds α, not α/C, to every class's target.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: add α to every class instead of α/C
mistake: smoothing-alpha-not-divided
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, alpha):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    q = (1.0 - alpha) * np.eye(c)[labels] + alpha
    return (p - q) / n
