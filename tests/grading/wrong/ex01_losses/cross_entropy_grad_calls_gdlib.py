"""Hands the task to the reference implementation instead of writing it.

cell: cross_entropy_grad
task: test_cross_entropy_grad
hint: the reference implementation of what this task asks you to write
mistake: calls-reference
"""
# ruff: noqa: F821 (gdlib is imported by the notebook's first cell)
def cross_entropy_grad(logits, labels):
    return gdlib.losses.cross_entropy_grad(logits, labels)
