"""Multiplies E[θ²] by (1 - ηλ) instead of its square.

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: the factor (1 - ηλ) is squared
mistake: noise-floor-factor-not-squared
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature >= 2.0:
        return np.inf
    return lr * noise_var / 2
