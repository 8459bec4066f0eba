"""Rescales each array so its largest entry is c.

cell: clip_grad_value
task: test_clip_grad_value
hint: you scaled each array so its largest entry is c
mistake: clip-value-scaled
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_value(grads, clip_value):
    for g in grads:
        biggest = np.max(np.abs(g))
        if biggest > clip_value:
            g *= clip_value / biggest
