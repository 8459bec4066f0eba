"""Concatenates the arrays to take the norm, which fails on an empty list.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: For an empty list the norm is 0.0
mistake: clip-norm-empty-list
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = float(np.linalg.norm(np.concatenate([g.ravel() for g in grads])))
    if total > max_norm:
        for g in grads:
            g *= max_norm / (total + 1e-6)
    return total
