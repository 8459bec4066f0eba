"""Answers 2/L, the edge of stability, instead of the best rate 2/(L + μ).

cell: best_lr
task: test_best_lr
hint: the edge of stability
"""
BEST_LR = 2.0 / 4.0
