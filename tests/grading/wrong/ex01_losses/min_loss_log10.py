"""Gives the loss of uniform probabilities, log 10.

cell: smoothed_min_loss
task: test_smoothed_min_loss
hint: log 10 is the loss at the start
mistake: uniform-start-loss
"""
SMOOTHED_MIN_LOSS = 2.3026
