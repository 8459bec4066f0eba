"""Hands the task to the reference implementation instead of writing it.

cell: gradient_check
task: test_gradient_check
hint: the reference implementation of what this task asks you to write
mistake: calls-reference
"""
# ruff: noqa: F821 (gdlib is imported by the notebook's first cell)
from gdlib.gradcheck import gradient_check as reference_check


def gradient_check(f, x, analytic_grad, eps=1e-6, rtol=1e-6):
    return reference_check(f, x, analytic_grad, eps=eps, rtol=rtol)
