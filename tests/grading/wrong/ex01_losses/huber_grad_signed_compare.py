"""The slope δ for every residual below -δ too: compares r, not |r|.

cell: huber_grad
task: test_huber_grad
hint: you compare r, not |r|, with δ
mistake: compares-r-not-abs
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber_grad(pred, target, delta=1.0):
    r = pred - target
    return np.where(r <= delta, r, delta) / pred.size
