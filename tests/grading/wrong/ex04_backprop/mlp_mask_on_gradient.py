"""Masks dA with its own sign instead of the forward pass's Z > 0.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: the ReLU masks follow the sign of the incoming gradient
mistake: mlp-mask-on-gradient
"""
REPLACE = {
    'dZ = relu_backward(dA, pre[l - 1])': 'dZ = dA * (dA > 0)',
}
