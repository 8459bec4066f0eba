"""gdlib's cross_entropy_grad plus the correction (Y - Q)/N.

cell: smoothed_cross_entropy_grad
"""
# ruff: noqa: F821 (np and gdlib are imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    onehot = np.eye(c)[labels]
    q = (1.0 - smoothing) * onehot + smoothing / c
    return gdlib.losses.cross_entropy_grad(logits, labels) + (onehot - q) / n
