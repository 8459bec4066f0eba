"""Plain gradient descent's 2/L, the number Chapter 3 prints.

cell: max_stable_lr
task: test_max_stable_lr
hint: that is 2/L
mistake: two-over-L
"""
MAX_STABLE_LR = 0.08452
