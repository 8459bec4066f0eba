"""Perturbs a copy of x: a function that reads x through a closure sees no change.

cell: numerical_gradient
task: test_numerical_gradient
hint: perturb the entries of x itself
mistake: perturbs-copy
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[idx] += eps
        x_minus[idx] -= eps
        grad[idx] = (float(f(x_plus)) - float(f(x_minus))) / (2 * eps)
    return grad
