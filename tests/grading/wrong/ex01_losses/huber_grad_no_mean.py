"""The per-entry derivative, without the 1/N of the mean.

cell: huber_grad
task: test_huber_grad
hint: off by a factor of N
mistake: sum-not-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber_grad(pred, target, delta=1.0):
    return np.clip(pred - target, -delta, delta)
