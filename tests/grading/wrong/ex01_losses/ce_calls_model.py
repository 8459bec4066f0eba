"""Hands the work to the tests' own model of the stable loss, which the rules forbid.

cell: cross_entropy
task: test_cross_entropy
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook's first cell imports mistakes)
def cross_entropy(logits, labels):
    return float(mistakes.log_softmax_loss(logits, labels))
