"""Returns the global norm after clipping instead of before.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: you returned the norm after clipping
mistake: clip-norm-returns-after
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        for g in grads:
            g *= max_norm / (total + 1e-6)
    return float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
