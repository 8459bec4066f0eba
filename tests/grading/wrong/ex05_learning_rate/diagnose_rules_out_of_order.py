"""Checks for slow progress before oscillation: a shrinking saw-tooth is called "too small".

cell: diagnose_lr
task: test_diagnose_lr
hint: rule 2 comes before rule 3
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_lr(losses, rise_fraction=0.25, slow=0.5):
    J = np.asarray(losses, dtype=float)
    if not np.all(np.isfinite(J)) or J[-1] > J[0]:
        return "divergent"
    if J[-1] > slow * J[0]:
        return "too small"
    if np.count_nonzero(np.diff(J) > 0) >= rise_fraction * (len(J) - 1):
        return "oscillating"
    return "good"
