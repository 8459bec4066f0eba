"""Clips every array by its own norm instead of the global norm.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: you clipped each array by its own norm
mistake: clip-norm-per-array
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    for g in grads:
        norm = np.linalg.norm(g)
        if norm > max_norm:
            g *= max_norm / (norm + 1e-6)
    return total
