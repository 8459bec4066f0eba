"""Softmax normalised over the batch (axis 0) instead of over the classes.

cell: cross_entropy
task: test_cross_entropy
hint: normalises over the wrong axis
mistake: softmax-wrong-axis
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy(logits, labels):
    e = np.exp(logits - np.max(logits, axis=0, keepdims=True))
    p = e / np.sum(e, axis=0, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))
