"""Undoes the nudges by adding and subtracting eps: rounding leaves x changed.

cell: numerical_gradient
task: test_numerical_gradient
hint: x is not restored exactly
mistake: x-not-restored
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        x[idx] += eps
        f_plus = float(f(x))
        x[idx] -= 2 * eps
        f_minus = float(f(x))
        x[idx] += eps
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad
