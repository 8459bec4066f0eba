"""Puts a ReLU after every layer, the last one included.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: you applied ReLU after the last layer too
mistake: mlp-relu-on-logits
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'A = np.maximum(Z, 0.0) if l < last else Z': 'A = np.maximum(Z, 0.0)',
    'dZ = gdlib.losses.cross_entropy_grad(A, y)': 'dZ = relu_backward(gdlib.losses.cross_entropy_grad(A, y), pre[last])',
}
