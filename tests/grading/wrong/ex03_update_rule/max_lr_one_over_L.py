"""Answers 1/L, the bound of a different question, instead of the stability limit 2/L.

cell: max_stable_lr
task: test_max_stable_lr
hint: that is 1/L
mistake: one-over-L
"""
MAX_STABLE_LR = 0.04226
