"""The sum of the squares, not their mean.

cell: mse
task: test_mse
hint: off by a factor of N
mistake: sum-not-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return float(np.sum((pred - target) ** 2))
