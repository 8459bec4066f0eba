"""Hands the work to the course's own model of the backward pass.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook defines mistakes)
def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    return mistakes.batchnorm_backward_variant(grad_out, x, gamma, eps)
