"""The gradient without its factor 2.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: your gradient is half the right size
mistake: missing-two
"""
REPLACE = {
    'grad_w = 2.0 / n * X.T @ residual': 'grad_w = X.T @ residual / n',
    'grad_b = 2.0 / n * np.sum(residual)': 'grad_b = np.sum(residual) / n',
}
