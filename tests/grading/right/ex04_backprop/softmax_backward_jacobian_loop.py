"""The full C × C Jacobian of each row, in a loop over the batch.

cell: softmax_backward
"""
# ruff: noqa: F821 (the notebook defines np)
def softmax_backward(grad_out, probs):
    dZ = np.empty_like(grad_out, dtype=float)
    for n in range(len(probs)):
        p = probs[n]
        jacobian = np.diag(p) - np.outer(p, p)  # dP_k/dZ_j, symmetric
        dZ[n] = jacobian.T @ grad_out[n]
    return dZ
