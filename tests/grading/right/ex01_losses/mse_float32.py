"""The mean computed in float32 (accepted to float32's precision).

cell: mse
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    r = (pred - target).astype(np.float32)
    return np.mean(r * r)
