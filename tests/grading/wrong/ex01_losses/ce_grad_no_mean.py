"""P - Y without the 1/N of the mean.

cell: cross_entropy_grad
task: test_cross_entropy_grad
hint: off by a factor of N
mistake: sum-not-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    grad = e / np.sum(e, axis=1, keepdims=True)
    grad[np.arange(len(labels)), labels] -= 1.0
    return grad
