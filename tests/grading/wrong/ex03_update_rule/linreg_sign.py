"""The residual written target minus prediction: every step climbs.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: the residual is the prediction minus the target
mistake: linreg-sign
"""
REPLACE = {
    'residual = X @ w + b - y': 'residual = y - (X @ w + b)',
}
