"""Compares only the first layer with the last (the previous version's rules).

cell: diagnose_gradients
task: test_diagnose_gradients
hint: you compared only the first layer with the last
mistake: diagnose-grads-first-and-last-only
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = np.asarray(grad_norms, dtype=float)
    last = norms[-1]
    if not np.all(np.isfinite(norms)) or norms[0] > ratio * last:
        return "exploding"
    if norms[0] < last / ratio:
        return "vanishing"
    return "healthy"
