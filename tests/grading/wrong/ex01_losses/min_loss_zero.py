"""Assumes the loss can still reach 0.

cell: smoothed_min_loss
task: test_smoothed_min_loss
hint: the loss cannot reach 0
mistake: smoothed-loss-zero
"""
SMOOTHED_MIN_LOSS = 0.0
