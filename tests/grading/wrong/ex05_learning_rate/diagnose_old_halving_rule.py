"""Keeps the previous rules' test of progress, 'has the loss halved', for the third rule.

cell: diagnose_lr
task: test_diagnose_lr
hint: the rules give 'still falling'
mistake: -
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
    if J[-1] > 0.5 * J[0]:
        return "still falling"
    return "settled"
