"""Only the true class's term -q_y log q_y.

cell: smoothed_min_loss
task: test_smoothed_min_loss
hint: counts only the true class's term
mistake: smoothed-true-class-term
"""
SMOOTHED_MIN_LOSS = 0.0858
