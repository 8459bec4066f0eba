"""Detects divergence only by last > first, which is False when the last loss is NaN.

cell: diagnose_lr
task: test_diagnose_lr
hint: test np.isfinite on all the losses first
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_lr(losses, rise_fraction=0.25, slow=0.5):
    J = np.asarray(losses, dtype=float)
    if J[-1] > J[0]:
        return "divergent"
    if np.count_nonzero(np.diff(J) > 0) >= rise_fraction * (len(J) - 1):
        return "oscillating"
    return "too small" if J[-1] > slow * J[0] else "good"
