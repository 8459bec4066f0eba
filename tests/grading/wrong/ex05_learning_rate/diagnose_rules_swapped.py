"""Looks for a falling tail before looking for rises.

cell: diagnose_lr
task: test_diagnose_lr
hint: you applied rule 3 (still falling) before rule 2 (saw-tooth)
mistake: diagnose-lr-rules-swapped
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_lr(losses, rise_fraction=0.25, settle=0.9):
    J = np.asarray(losses, dtype=float)
    T = len(J) - 1
    if not np.all(np.isfinite(J)) or J[-1] > J[0]:
        return "diverged"
    w = int(np.ceil(T / 4))
    if J[-1] < settle * J[T - w]:
        return "still falling"
    rises = np.count_nonzero(np.diff(J) > 0)
    if rises >= rise_fraction * T:
        return "saw-tooth"
    return "settled"
