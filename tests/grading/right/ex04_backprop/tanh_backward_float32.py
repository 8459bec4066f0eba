"""Returns float32 (accepted to float32's precision, with a note).

cell: tanh_backward
"""
# ruff: noqa: F821 (the notebook defines np)
def tanh_backward(grad_out, out):
    return (grad_out * (1.0 - out**2)).astype(np.float32)
