"""gdlib.losses.softmax minus np.eye one-hot rows (softmax is allowed here).

cell: cross_entropy_grad
"""
# ruff: noqa: F821 (np and gdlib are imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    onehot = np.eye(logits.shape[1])[labels]
    return (gdlib.losses.softmax(logits) - onehot) / len(labels)
