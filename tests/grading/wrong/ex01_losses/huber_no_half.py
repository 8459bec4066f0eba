"""The quadratic piece r² without its ½.

cell: huber
task: test_huber
hint: Huber's is ½ r²
mistake: huber-no-half
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber(pred, target, delta=1.0):
    a = np.abs(pred - target)
    return float(np.mean(np.where(a <= delta, a**2, delta * (a - 0.5 * delta))))
