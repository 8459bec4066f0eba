"""Half the mean of the squares: the ½ convention of other texts.

cell: mse
task: test_mse
hint: the course's MSE has no ½
mistake: half-mse
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return float(0.5 * np.mean((pred - target) ** 2))
