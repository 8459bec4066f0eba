"""The gradient without the 1/N of the mean.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: you left out the 1/N of the mean
mistake: sum-not-mean
"""
REPLACE = {
    'grad_w = 2.0 / n * X.T @ residual': 'grad_w = 2.0 * X.T @ residual',
    'grad_b = 2.0 / n * np.sum(residual)': 'grad_b = 2.0 * np.sum(residual)',
}
