"""Nesterov's bound instead of heavy ball's.

cell: max_stable_lr
task: test_max_stable_lr
hint: that is Nesterov's bound
mistake: nesterov-bound
"""
MAX_STABLE_LR = 0.05617
