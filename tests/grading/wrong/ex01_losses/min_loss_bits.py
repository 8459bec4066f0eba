"""The entropy in bits.

cell: smoothed_min_loss
task: test_smoothed_min_loss
hint: that is in bits
mistake: log-base-2
"""
SMOOTHED_MIN_LOSS = 0.7218
