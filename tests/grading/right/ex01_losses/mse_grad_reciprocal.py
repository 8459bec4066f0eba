"""Multiplies by the reciprocal 2/N instead of dividing.

cell: mse_grad
"""
def mse_grad(pred, target):
    return (pred - target) * (2.0 / pred.size)
