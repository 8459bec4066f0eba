"""np.vdot per array, a loop with an index, and multiplying by the reciprocal.

cell: clip_grad_norm
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_norm(grads, max_norm):
    squares = 0.0
    for g in grads:
        squares += float(np.vdot(g, g))
    total = squares**0.5
    if total > max_norm:
        inverse = 1.0 / (total + 1e-6)
        for i in range(len(grads)):
            grads[i] *= max_norm * inverse
    return total
