"""(P - Q) without the 1/N of the mean.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: off by a factor of N
mistake: sum-not-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return p - ((1.0 - smoothing) * np.eye(c)[labels] + smoothing / c)
