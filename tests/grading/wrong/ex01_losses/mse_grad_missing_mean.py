"""The gradient of the MSE without the 1/M of the mean.

cell: mse_grad
task: test_mse_grad
hint: off by a factor of N
mistake: sum-not-mean
"""
def mse_grad(pred, target):
    return 2.0 * (pred - target)
