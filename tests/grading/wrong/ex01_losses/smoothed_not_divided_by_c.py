"""Adds τ, not τ/C, to every class's target.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: add τ to every class instead of τ/C
mistake: smoothing-not-divided
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    q = (1.0 - smoothing) * np.eye(c)[labels] + smoothing
    return (p - q) / n
