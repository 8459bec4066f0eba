"""The sigmoid's derivative Ŷ(1 - Ŷ) for tanh's.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: that is the sigmoid's derivative
mistake: sigmoid-derivative
"""
REPLACE = {
    'dY * (1.0 - Y_hat**2)': 'dY * Y_hat * (1.0 - Y_hat)',
}
