"""Clamps only from above.

cell: clip_grad_value
task: test_clip_grad_value
hint: only the large positive entries were clamped
mistake: clip-value-upper-only
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_value(grads, clip_value):
    for g in grads:
        np.minimum(g, clip_value, out=g)
