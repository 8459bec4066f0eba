"""Calls a run diverged when it ends where it started.

cell: diagnose_lr
task: test_diagnose_lr
hint: the rule says larger: J_T > J_0
mistake: diagnose-lr-diverged-at-equal
"""
REPLACE = {
    'J[-1] > J[0]': 'J[-1] >= J[0]',
}
