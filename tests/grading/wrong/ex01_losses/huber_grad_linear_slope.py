"""Beyond δ the derivative δ·r instead of the constant slope δ·sign(r).

cell: huber_grad
task: test_huber_grad
hint: has slope δ·sign(r), a constant
mistake: huber-linear-slope
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber_grad(pred, target, delta=1.0):
    r = pred - target
    return np.where(np.abs(r) <= delta, r, delta * r) / pred.size
