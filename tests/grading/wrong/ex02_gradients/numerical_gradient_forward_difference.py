"""The forward difference, whose error is O(eps) instead of O(eps²).

cell: numerical_gradient
task: test_numerical_gradient
hint: this is the forward difference
mistake: forward-difference
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros(x.shape)
    f0 = float(f(x))
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        grad[idx] = (float(f(x)) - f0) / eps
        x[idx] = old
    return grad
