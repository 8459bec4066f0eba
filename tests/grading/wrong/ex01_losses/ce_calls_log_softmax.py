"""Hands the whole task to gdlib.losses.log_softmax, which Task 7 forbids.

cell: cross_entropy
task: test_cross_entropy
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (np and gdlib are imported by the notebook's first cell)
def cross_entropy(logits, labels):
    log_p = gdlib.losses.log_softmax(logits)
    return float(-np.mean(log_p[np.arange(len(labels)), labels]))
