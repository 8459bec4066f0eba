"""np.mean with keepdims=True: a size-1 array instead of a float (a note, no loss).

cell: mse
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse(pred, target):
    return np.mean((pred - target) ** 2, axis=tuple(range(pred.ndim)), keepdims=True)
