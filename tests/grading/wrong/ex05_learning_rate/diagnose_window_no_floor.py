"""Takes the last T // 4 steps, which is none for a short run.

cell: diagnose_lr
task: test_diagnose_lr
hint: which is 0 for T < 4
mistake: diagnose-lr-window-no-floor
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_lr(losses, rise_fraction=0.25, settle=0.9):
    J = np.asarray(losses, dtype=float)
    T = len(J) - 1
    if not np.all(np.isfinite(J)) or J[-1] > J[0]:
        return "diverged"
    rises = np.count_nonzero(np.diff(J) > 0)
    if rises >= rise_fraction * T:
        return "saw-tooth"
    w = T // 4
    if J[-1] < settle * J[T - w]:
        return "still falling"
    return "settled"
