"""tanh'(a) written 1 - a² with the pre-activation a.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: uses the pre-activation
mistake: tanh-derivative-of-a
"""
REPLACE = {
    'H = np.tanh(X @ W + b)  # (N, K)': 'A = X @ W + b\n    H = np.tanh(A)',
    'dH * (1.0 - H**2)': 'dH * (1.0 - A**2)',
}
