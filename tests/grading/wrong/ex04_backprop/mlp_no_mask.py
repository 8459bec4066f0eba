"""Skips ReLU's derivative in the backward pass.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: without the ReLU's derivative
mistake: mlp-no-mask
"""
REPLACE = {
    'dZ = relu_backward(dA, pre[l - 1])': 'dZ = dA',
}
