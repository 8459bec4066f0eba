"""Divides by the number of rows instead of the number of entries.

cell: mse_grad
task: test_mse_grad
hint: instead of the number of entries
mistake: mean-over-rows
"""
def mse_grad(pred, target):
    return 2.0 * (pred - target) / len(pred)
