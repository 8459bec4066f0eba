"""Central difference divided by eps instead of 2·eps.

cell: numerical_gradient
task: test_numerical_gradient
hint: off by a factor of 2
mistake: central-difference-half
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = float(f(x))
        x[idx] = old - eps
        f_minus = float(f(x))
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / eps
    return grad
