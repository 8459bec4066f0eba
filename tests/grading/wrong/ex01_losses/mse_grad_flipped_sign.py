"""The gradient of the MSE with the residual the wrong way round: target - pred.

cell: mse_grad
task: test_mse_grad
hint: it points uphill
mistake: sign-flipped
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def mse_grad(pred, target):
    return 2.0 * (target - pred) / pred.size
