"""The derivative of r² taken as r.

cell: mse_grad
task: test_mse_grad
hint: the derivative of r² is 2r
mistake: missing-two
"""
def mse_grad(pred, target):
    return (pred - target) / pred.size
