"""Tests for vanishing before exploding.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: you tested for vanishing before exploding
mistake: diagnose-grads-rules-swapped
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = np.asarray(grad_norms, dtype=float)
    last = norms[-1]
    if np.all(np.isfinite(norms)) and np.any(norms < last / ratio):
        return "vanishing"
    if not np.all(np.isfinite(norms)) or np.any(norms > ratio * last):
        return "exploding"
    return "healthy"
