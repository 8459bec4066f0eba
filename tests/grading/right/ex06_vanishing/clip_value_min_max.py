"""np.minimum and np.maximum with out=, returning the list.

cell: clip_grad_value
"""
# ruff: noqa: F821 (the notebook defines np)
def clip_grad_value(grads, clip_value):
    for g in grads:
        np.minimum(g, clip_value, out=g)
        np.maximum(g, -clip_value, out=g)
    return grads
