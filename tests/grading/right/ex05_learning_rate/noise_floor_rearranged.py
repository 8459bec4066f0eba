"""The floor as ησ² / (4 - 2ηλ), and float('inf').

cell: sgd_noise_floor
"""
def sgd_noise_floor(lr, curvature, noise_var):
    if not lr * curvature < 2:
        return float("inf")
    return lr * noise_var / (4.0 - 2.0 * lr * curvature)
