"""Softmax straight from np.exp: NaN for logits of 1e4.

cell: cross_entropy_grad
task: test_cross_entropy_grad
hint: np.exp overflows
mistake: naive-softmax
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    e = np.exp(logits)
    grad = e / np.sum(e, axis=1, keepdims=True)
    grad[np.arange(len(labels)), labels] -= 1.0
    return grad / len(labels)
