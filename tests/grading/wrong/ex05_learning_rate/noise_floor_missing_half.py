"""Forgets the ½ of J = ½ λ θ².

cell: sgd_noise_floor
task: test_sgd_noise_floor
hint: that is twice the floor
mistake: noise-floor-missing-half
"""
# ruff: noqa: F821 (the notebook defines np)
def sgd_noise_floor(lr, curvature, noise_var):
    if lr * curvature >= 2.0:
        return np.inf
    return lr * noise_var / (2 - lr * curvature)
