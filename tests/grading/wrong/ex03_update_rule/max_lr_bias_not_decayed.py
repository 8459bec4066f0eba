"""The penalty on w only.

cell: max_stable_lr
task: test_max_stable_lr
hint: you decayed w only
mistake: bias-not-decayed
"""
MAX_STABLE_LR = 0.1575
