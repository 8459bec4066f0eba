"""The mean over all N·C entries of -onehot·log p.

cell: cross_entropy
task: test_cross_entropy
hint: you averaged over all N·C
mistake: mean-over-all-entries
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy(logits, labels):
    s = logits - np.max(logits, axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    onehot = np.eye(logits.shape[1])[labels]
    return float(-np.mean(onehot * log_p))
