"""dW = Xᵀ dJ/dŶ: the activation's derivative is left out.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: the factor tanh' is missing
mistake: missing-activation-derivative
"""
REPLACE = {
    'dY * (1.0 - Y_hat**2)': 'dY',
}
