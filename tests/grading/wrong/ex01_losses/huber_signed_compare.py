"""Compares the signed residual with δ: large negative residuals stay quadratic.

cell: huber
task: test_huber
hint: you compare r, not |r|, with δ
mistake: compares-r-not-abs
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber(pred, target, delta=1.0):
    r = pred - target
    return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * (np.abs(r) - 0.5 * delta))))
