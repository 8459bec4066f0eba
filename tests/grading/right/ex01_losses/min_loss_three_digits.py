"""The answer to three significant digits, 0.500.

cell: smoothed_min_loss
"""
SMOOTHED_MIN_LOSS = 0.500
