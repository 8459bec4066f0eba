"""The sigmoid's derivative H(1 - H) for tanh's.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: that is the sigmoid's derivative
mistake: sigmoid-derivative
"""
REPLACE = {
    'dH * (1.0 - H**2)': 'dH * H * (1.0 - H)',
}
