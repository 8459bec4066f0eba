"""Compares only the ends, so a NaN norm passes as healthy.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: test np.isfinite on all the norms first
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def diagnose_gradients(grad_norms, ratio=100.0):
    first, last = grad_norms[0], grad_norms[-1]
    if first > ratio * last:
        return "exploding"
    if first < last / ratio:
        return "vanishing"
    return "healthy"
