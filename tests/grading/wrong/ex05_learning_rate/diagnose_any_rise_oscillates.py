"""Calls a run oscillating as soon as the loss rises once.

cell: diagnose_lr
task: test_diagnose_lr
hint: few rises are normal noise
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_lr(losses, rise_fraction=0.25, slow=0.5):
    J = np.asarray(losses, dtype=float)
    if not np.all(np.isfinite(J)) or J[-1] > J[0]:
        return "divergent"
    if np.any(np.diff(J) > 0):
        return "oscillating"
    return "too small" if J[-1] > slow * J[0] else "good"
