"""Linearises 1 - (1 - ηλ)² to 2ηλ.

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: you dropped the (ηλ)² term
mistake: noise-floor-small-step
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature >= 2.0:
        return np.inf
    return lr * noise_var / 4
