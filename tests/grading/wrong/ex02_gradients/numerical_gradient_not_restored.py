"""Never puts the original entries back: x is left at x - eps.

cell: numerical_gradient
task: test_numerical_gradient
hint: x is not restored exactly
mistake: x-not-restored
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
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad
