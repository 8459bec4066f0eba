"""Adds up the arrays' norms instead of their squares.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: your global norm is the sum of the arrays' norms
mistake: clip-norm-sum-of-norms
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(sum(np.linalg.norm(g) for g in grads))
    if total > max_norm:
        scale = max_norm / (total + 1e-6)
        for g in grads:
            g *= scale
    return total
