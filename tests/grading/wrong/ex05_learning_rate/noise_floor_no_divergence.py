"""Uses the formula for every rate, so it returns a negative floor beyond ηλ = 2.

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: Return np.inf for ηλ ≥ 2
mistake: noise-floor-no-divergence
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    return lr * noise_var / (2 * (2 - lr * curvature))
