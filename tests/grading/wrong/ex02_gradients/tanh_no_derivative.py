"""dW = Xᵀ dJ/dH: the activation's derivative is left out.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: the factor tanh' is missing
mistake: missing-activation-derivative
"""
REPLACE = {
    'dH * (1.0 - H**2)': 'dH',
}
