"""Uses >= and <= at the thresholds.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: you also counted a norm exactly ratio times
mistake: diagnose-grads-inclusive
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = np.asarray(grad_norms, dtype=float)
    last = norms[-1]
    if not np.all(np.isfinite(norms)) or np.any(norms >= ratio * last):
        return "exploding"
    if np.any(norms <= last / ratio):
        return "vanishing"
    return "healthy"
