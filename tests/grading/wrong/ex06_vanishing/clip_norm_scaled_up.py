"""Rescales every gradient to max_norm, also the small ones.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: you scaled a gradient whose norm is already below max_norm
mistake: clip-norm-scaled-up
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if True:
        scale = max_norm / (total + 1e-6)
        for g in grads:
            g *= scale
    return total
