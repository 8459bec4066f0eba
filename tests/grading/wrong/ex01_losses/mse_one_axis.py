"""The mean over the first axis only: an array for 2-D inputs.

cell: mse
task: test_mse
hint: it should be one number
mistake: not-reduced
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return np.mean((pred - target) ** 2, axis=0)
