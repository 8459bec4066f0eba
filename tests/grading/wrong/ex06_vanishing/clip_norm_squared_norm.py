"""Forgets the square root of the sum of squares.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: without the square root
mistake: clip-norm-squared
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(sum(np.sum(g * g) for g in grads))
    if total > max_norm:
        scale = max_norm / (total + 1e-6)
        for g in grads:
            g *= scale
    return total
