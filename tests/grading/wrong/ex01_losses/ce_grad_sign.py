"""(Y - P)/N: one-hot minus probabilities.

cell: cross_entropy_grad
task: test_cross_entropy_grad
hint: it points uphill
mistake: sign-flipped
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return (np.eye(logits.shape[1])[labels] - p) / len(labels)
