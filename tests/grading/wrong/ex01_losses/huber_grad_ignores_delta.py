"""Clips at ±1 whatever delta is.

cell: huber_grad
task: test_huber_grad
hint: does not depend on delta
mistake: ignores-delta
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber_grad(pred, target, delta=1.0):
    return np.clip(pred - target, -1.0, 1.0) / pred.size
