"""Softmax shifted by the batch's largest logit: 0/0 in rows far below it.

cell: cross_entropy_grad
task: test_cross_entropy_grad
hint: the largest logit of the whole batch
mistake: shift-by-batch-max
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    e = np.exp(logits - np.max(logits))
    grad = e / np.sum(e, axis=1, keepdims=True)
    grad[np.arange(len(labels)), labels] -= 1.0
    return grad / len(labels)
