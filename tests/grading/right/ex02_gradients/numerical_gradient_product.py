"""itertools.product over the index ranges, and the two quotients subtracted separately.

cell: numerical_gradient
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
import itertools


def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros_like(x, dtype=float)
    for idx in itertools.product(*(range(n) for n in x.shape)):
        saved = x[idx]
        x[idx] = saved + eps
        up = f(x)
        x[idx] = saved - eps
        down = f(x)
        x[idx] = saved
        grad[idx] = up / (2 * eps) - down / (2 * eps)
    return grad
