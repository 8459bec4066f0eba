"""A loop over every element instead of vectorised numpy, returning a numpy float.

cell: mse
"""
def mse(pred, target):
    total = 0.0
    for p, t in zip(pred.ravel(), target.ravel(), strict=True):
        total += (p - t) ** 2
    return total / pred.size
