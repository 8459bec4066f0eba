"""(1 + μ)/(L + ω), half the bound.

cell: max_stable_lr
task: test_max_stable_lr
hint: that is half the bound
mistake: half-bound
"""
MAX_STABLE_LR = 0.07864
