"""Puts a ReLU after every layer, the last one included.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: you applied ReLU after the last layer too
mistake: mlp-relu-on-logits
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'A = np.maximum(Z, 0.0) if l < last else Z': 'A = np.maximum(Z, 0.0)',
    '        if l < last:\n            dZ = relu_backward(dA, pre[l])': '        if l < last:\n            dZ = relu_backward(dA, pre[l])\n        else:\n            dZ = relu_backward(dZ, pre[l])',
}
