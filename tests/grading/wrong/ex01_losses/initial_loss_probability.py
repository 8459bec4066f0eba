"""Gives the probability of the true class instead of the loss.

cell: initial_loss
task: test_initial_loss
hint: 0.1 is the probability of the true class
mistake: probability-not-loss
"""
INITIAL_LOSS = 0.1
