"""2ω added to the curvature.

cell: max_stable_lr
task: test_max_stable_lr
hint: you added 2ω to the curvature
mistake: penalty-hessian-2omega
"""
MAX_STABLE_LR = 0.1541
