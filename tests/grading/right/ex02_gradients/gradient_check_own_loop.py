"""Its own central differences inline instead of calling numerical_gradient.

cell: gradient_check
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def gradient_check(f, x, analytic_grad, eps=1e-6, rtol=1e-6):
    analytic = np.asarray(analytic_grad, dtype=np.float64)
    numerical = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        up = f(x)
        x[idx] = old - eps
        down = f(x)
        x[idx] = old
        numerical[idx] = (up - down) / (2 * eps)
    errors = np.abs(analytic - numerical) / np.maximum(np.abs(analytic) + np.abs(numerical), TINY)
    worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(errors)), errors.shape))
    return GradCheckResult(max_relative_error=float(errors[worst]), worst_index=worst,
                           analytic=float(analytic[worst]), numerical=float(numerical[worst]),
                           passed=bool(errors[worst] <= rtol))
