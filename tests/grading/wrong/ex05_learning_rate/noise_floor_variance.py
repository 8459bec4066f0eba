"""Returns E[θ²] instead of E[J].

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: that is the long-run variance E[θ²]
mistake: noise-floor-variance
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature >= 2.0:
        return np.inf
    return lr * noise_var / (curvature * (2 - lr * curvature))
