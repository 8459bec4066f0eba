"""np.clip without out=: the clamped copies are thrown away.

cell: clip_grad_value
task: test_clip_grad_value
hint: left the gradient arrays unchanged
mistake: not-in-place
"""
# ruff: noqa: F821 (the notebook imports np)
def clip_grad_value(grads, clip_value):
    for g in grads:
        g = np.clip(g, -clip_value, clip_value)
