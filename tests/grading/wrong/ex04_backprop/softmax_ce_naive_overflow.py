"""Softmax without subtracting the largest logit: exp(1000) overflows.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: the log-sum-exp trick
"""
# ruff: noqa: F821 (the notebook defines np)
def softmax_cross_entropy(logits, labels):
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    rows = np.arange(len(labels))
    loss = float(-np.mean(np.log(p[rows, labels])))
    grad = p.copy()
    grad[rows, labels] -= 1.0
    return loss, grad / len(labels)
