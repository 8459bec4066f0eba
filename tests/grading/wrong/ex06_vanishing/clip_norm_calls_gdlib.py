"""Hands the work to gdlib.clip.clip_grad_norm.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook imports gdlib)
def clip_grad_norm(grads, max_norm):
    return gdlib.clip_grad_norm(grads, max_norm)
