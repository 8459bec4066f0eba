"""Softmax normalised over the batch (axis 0) instead of over the classes.

cell: cross_entropy_grad
task: test_cross_entropy_grad
hint: normalises over the wrong axis
mistake: softmax-wrong-axis
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    n = logits.shape[0]
    e = np.exp(logits - np.max(logits, axis=0, keepdims=True))
    grad = e / np.sum(e, axis=0, keepdims=True)
    grad[np.arange(n), labels] -= 1.0
    return grad / n
