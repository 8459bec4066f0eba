"""Rebinds g = g * scale: the caller's arrays never change.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: left the gradient arrays unchanged
mistake: not-in-place
"""
# ruff: noqa: F821 (the notebook imports np)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        for g in grads:
            g = g * (max_norm / (total + 1e-6))
    return total
