"""Squares noise_var, which is already σ².

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: noise_var is already the variance σ²
mistake: noise-floor-variance-squared
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature >= 2.0:
        return np.inf
    return lr * noise_var**2 / (2 * (2 - lr * curvature))
