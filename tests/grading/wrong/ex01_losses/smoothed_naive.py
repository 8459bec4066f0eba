"""The right formula on a softmax straight from np.exp: NaN for logits of 1e4.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: np.exp overflows
mistake: naive-softmax
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    e = np.exp(logits)
    p = e / np.sum(e, axis=1, keepdims=True)
    return (p - ((1.0 - smoothing) * np.eye(c)[labels] + smoothing / c)) / n
