"""The root mean squared error.

cell: mse
task: test_mse
hint: that is the RMSE
mistake: rmse-not-mse
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return float(np.sqrt(np.mean((pred - target) ** 2)))
