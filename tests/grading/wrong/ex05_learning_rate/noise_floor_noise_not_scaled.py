"""Adds σ² to E[θ²] instead of η²σ².

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: so it adds η² σ² to E[θ²]
mistake: noise-floor-noise-not-scaled
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature >= 2.0:
        return np.inf
    return noise_var / (2 * lr * (2 - lr * curvature))
