"""Masks each layer's dZ with its input instead of its pre-activation.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: you masked dZ_l with the layer's input
mistake: mlp-mask-from-layer-input
"""
REPLACE = {
    'dZ = relu_backward(dA, pre[l - 1])': 'dZ = relu_backward(dA, inputs[l - 1])',
}
