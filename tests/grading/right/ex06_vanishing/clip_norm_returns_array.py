"""Returns the norm as a size-1 array (accepted, with a note).

cell: clip_grad_norm
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    total = np.sqrt(np.array([sum(float(np.sum(g * g)) for g in grads)]))
    if total[0] > max_norm:
        for g in grads:
            g *= max_norm / (total[0] + 1e-6)
    return total
