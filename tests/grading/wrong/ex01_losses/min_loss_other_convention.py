"""The entropy of the τ/(C - 1) targets.

cell: smoothed_min_loss
task: test_smoothed_min_loss
hint: τ/(C - 1)
mistake: smoothing-other-convention
"""
SMOOTHED_MIN_LOSS = 0.5448
