"""Softmax straight from np.exp: overflows (inf / inf = NaN) for logits near 1000.

cell: cross_entropy
task: test_cross_entropy
hint: np.exp overflows
mistake: naive-softmax
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy(logits, labels):
    e = np.exp(logits)
    p = e / np.sum(e, axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))
