"""gdlib.losses.softmax (allowed), then its log: the same underflow.

cell: cross_entropy
task: test_cross_entropy
hint: take the log of a probability that has rounded to exactly 0
mistake: log-of-softmax
"""
# ruff: noqa: F821 (np and gdlib are imported by the notebook's first cell)
def cross_entropy(logits, labels):
    p = gdlib.losses.softmax(logits)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))
