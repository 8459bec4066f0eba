"""Compares without testing for NaN.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: test np.isfinite on all the norms first
mistake: diagnose-grads-nan-compared
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = np.asarray(grad_norms, dtype=float)
    last = norms[-1]
    if np.any(norms > ratio * last):
        return "exploding"
    if np.any(norms < last / ratio):
        return "vanishing"
    return "healthy"
