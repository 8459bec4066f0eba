"""Clamps the entries to ±max_norm: clipping by value under the wrong name.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: that is clipping by value
mistake: clip-norm-by-value
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    for g in grads:
        np.clip(g, -max_norm, max_norm, out=g)
    return total
