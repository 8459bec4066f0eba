"""The mean absolute error.

cell: mse
task: test_mse
hint: that is the mean absolute error
mistake: mae-not-mse
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return float(np.mean(np.abs(pred - target)))
