"""The momentum bound without the weight decay.

cell: max_stable_lr
task: test_max_stable_lr
hint: that bound leaves out the weight decay
mistake: bound-without-decay
"""
MAX_STABLE_LR = 0.1606
