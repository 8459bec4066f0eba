"""Compares the rises with rise_fraction · len(losses).

cell: diagnose_lr
task: test_diagnose_lr
hint: T is the number of steps, len(losses) - 1
mistake: diagnose-lr-rises-over-len
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_lr(losses, rise_fraction=0.25, settle=0.9):
    J = np.asarray(losses, dtype=float)
    T = len(J) - 1
    if not np.all(np.isfinite(J)) or J[-1] > J[0]:
        return "diverged"
    rises = np.count_nonzero(np.diff(J) > 0)
    if rises >= rise_fraction * len(J):
        return "saw-tooth"
    w = int(np.ceil(T / 4))
    if J[-1] < settle * J[T - w]:
        return "still falling"
    return "settled"
