"""Replaces the list's arrays with clamped copies instead of changing the arrays themselves.

cell: clip_grad_value
task: test_clip_grad_value
hint: put new arrays into the list
mistake: new-arrays-in-list
"""
# ruff: noqa: F821 (the notebook imports np)
def clip_grad_value(grads, clip_value):
    for i, g in enumerate(grads):
        grads[i] = np.clip(g, -clip_value, clip_value)
