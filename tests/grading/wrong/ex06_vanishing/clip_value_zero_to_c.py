"""Clamps to [0, c].

cell: clip_grad_value
task: test_clip_grad_value
hint: you clamped to [0, c]
mistake: clip-value-zero-to-c
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_value(grads, clip_value):
    for g in grads:
        np.clip(g, 0.0, clip_value, out=g)
