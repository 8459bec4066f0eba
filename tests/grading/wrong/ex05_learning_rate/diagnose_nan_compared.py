"""Detects divergence only by last > first, which is False when the last loss is NaN.

cell: diagnose_lr
task: test_diagnose_lr
hint: test np.isfinite on all the losses first
mistake: diagnose-lr-nan-compared
"""
REPLACE = {
    'not np.all(np.isfinite(J)) or ': '',
}
