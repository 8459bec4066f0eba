"""Stable softmax, then the log of the probabilities: log(0) for logits far below the largest.

cell: cross_entropy
task: test_cross_entropy
hint: take the log of a probability that has rounded to exactly 0
mistake: log-of-softmax
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy(logits, labels):
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))
