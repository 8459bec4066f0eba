"""The square of the mean residual instead of the mean of the squares.

cell: mse
task: test_mse
hint: you squared the mean difference
mistake: mse-squared-mean
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return float(np.mean(pred - target) ** 2)
