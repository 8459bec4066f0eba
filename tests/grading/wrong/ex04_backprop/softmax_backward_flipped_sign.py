"""The off-diagonal and diagonal terms with their signs swapped.

cell: softmax_backward
task: test_softmax_backward
hint: Check ∂P_k/∂Z_j: positive for j = k
mistake: softmax-flipped-sign
"""
# ruff: noqa: F821 (the notebook defines np)
def softmax_backward(grad_out, probs):
    shared = np.sum(grad_out * probs, axis=1, keepdims=True)
    return probs * (shared - grad_out)
