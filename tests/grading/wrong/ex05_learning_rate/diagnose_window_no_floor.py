"""Takes the last T // 4 steps, which is none for a short run.

cell: diagnose_lr
task: test_diagnose_lr
hint: which is 0 for T < 4
mistake: diagnose-lr-window-no-floor
"""
REPLACE = {
    'w = int(np.ceil(T / 4))': 'w = T // 4',
}
