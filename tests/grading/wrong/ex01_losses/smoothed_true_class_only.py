"""(1 - τ)(P - Y)/N: only the true class's term differentiated.

cell: smoothed_cross_entropy_grad
task: test_smoothed_cross_entropy_grad
hint: differentiate every term -q_k log p_k
mistake: smoothing-true-class-only
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def smoothed_cross_entropy_grad(logits, labels, smoothing):
    n, c = logits.shape
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    p = e / np.sum(e, axis=1, keepdims=True)
    return (1.0 - smoothing) * (p - np.eye(c)[labels]) / n
