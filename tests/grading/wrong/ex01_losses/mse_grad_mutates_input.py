"""The gradient computed in the prediction's own memory, changing the caller's array.

cell: mse_grad
task: test_mse_grad
hint: changed its input `pred` in place
mistake: mutates-input
"""
def mse_grad(pred, target):
    pred -= target
    pred *= 2.0 / pred.size
    return pred
