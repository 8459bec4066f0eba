"""Takes the last T // 4 steps (at least one) instead of ceil(T / 4).

cell: diagnose_lr
task: test_diagnose_lr
hint: your window is T // 4 steps; the rule takes w = ceil(T / 4) (for T = 6
mistake: diagnose-lr-window-floor
"""
REPLACE = {
    'w = int(np.ceil(T / 4))': 'w = max(1, T // 4)',
}
