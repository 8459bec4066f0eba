"""Clips when the norm equals max_norm too.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: you clipped a gradient whose global norm equals max_norm exactly
mistake: clip-norm-at-equality
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total >= max_norm:
        scale = max_norm / (total + 1e-6)
        for g in grads:
            g *= scale
    return total
