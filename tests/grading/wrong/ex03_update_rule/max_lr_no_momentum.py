"""2/(L + ω): the decay without the momentum.

cell: max_stable_lr
task: test_max_stable_lr
hint: that bound leaves out the momentum
mistake: bound-without-momentum
"""
MAX_STABLE_LR = 0.08277
