"""Divides by the norm without torch's 1e-6.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: which matters when ||g|| is small
mistake: clip-norm-no-epsilon
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        scale = max_norm / total
        for g in grads:
            g *= scale
    return total
