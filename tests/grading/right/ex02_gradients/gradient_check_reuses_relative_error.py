"""relative_error from Task 2 for the maximum, a reciprocal for the entries, np.intp indices.

cell: gradient_check
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def gradient_check(f, x, analytic_grad, eps=1e-6, rtol=1e-6):
    analytic = np.asarray(analytic_grad, dtype=np.float64)
    numerical = numerical_gradient(f, x, eps)
    inverse = 1.0 / np.maximum(np.abs(analytic) + np.abs(numerical), TINY)
    errors = np.abs(analytic - numerical) * inverse
    worst = np.unravel_index(np.argmax(errors), errors.shape)
    max_err = relative_error(analytic, numerical)
    return GradCheckResult(max_relative_error=max_err, worst_index=worst,
                           analytic=analytic[worst], numerical=numerical[worst],
                           passed=max_err <= rtol)
