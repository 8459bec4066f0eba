"""δ = 1 written into the formula: the argument delta is ignored.

cell: huber
task: test_huber
hint: does not depend on delta
mistake: ignores-delta
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber(pred, target, delta=1.0):
    a = np.abs(pred - target)
    return float(np.mean(np.where(a <= 1.0, 0.5 * a**2, a - 0.5)))
