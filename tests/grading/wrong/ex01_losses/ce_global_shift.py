"""Shifted by the largest logit of the whole batch, not of each row.

cell: cross_entropy
task: test_cross_entropy
hint: the largest logit of the whole batch
mistake: shift-by-batch-max
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy(logits, labels):
    s = logits - np.max(logits)
    lse = np.log(np.sum(np.exp(s), axis=1))
    return float(np.mean(lse - s[np.arange(len(labels)), labels]))
