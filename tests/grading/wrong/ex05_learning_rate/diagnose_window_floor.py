"""Takes the last T // 4 steps (at least one) instead of ceil(T / 4).

cell: diagnose_lr
task: test_diagnose_lr
hint: your window is T // 4 steps; the rule takes w = ceil(T / 4) (for T = 6
mistake: diagnose-lr-window-floor
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
    w = max(1, T // 4)
    if J[-1] < settle * J[T - w]:
        return "still falling"
    return "settled"
