"""Compares with losses[-w], one step too late.

cell: diagnose_lr
task: test_diagnose_lr
hint: you compared J_T with the loss one step too late
mistake: diagnose-lr-window-off-by-one
"""
REPLACE = {
    'J[T - w]': 'J[-w]',
}
