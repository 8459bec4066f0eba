"""Returns inf only for ηλ > 2 and divides by zero at ηλ = 2.

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: return np.inf for ηλ >= 2, not only for ηλ > 2
mistake: noise-floor-strict-boundary
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature > 2.0:
        return np.inf
    return lr * noise_var / (2 * (2 - lr * curvature))
