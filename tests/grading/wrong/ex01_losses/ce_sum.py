"""Summed over the examples instead of averaged.

cell: cross_entropy
task: test_cross_entropy
hint: off by a factor of N
mistake: sum-not-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy(logits, labels):
    s = logits - np.max(logits, axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.sum(log_p[np.arange(len(labels)), labels]))
