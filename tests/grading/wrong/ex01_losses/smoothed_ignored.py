"""The plain cross-entropy gradient: smoothing is ignored.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: that is the gradient without smoothing
mistake: smoothing-ignored
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n = logits.shape[0]
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    grad = e / np.sum(e, axis=1, keepdims=True)
    grad[np.arange(n), labels] -= 1.0
    return grad / n
