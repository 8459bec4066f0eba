"""tanh'(a) written 1 - a² with the pre-activation a.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: uses the pre-activation
mistake: tanh-derivative-of-a
"""
REPLACE = {
    'Y_hat = np.tanh(X @ W + b)  # (N, H)':
        (
            'A = X @ W + b\n'
            '    Y_hat = np.tanh(A)'
        ),
    'dY * (1.0 - Y_hat**2)': 'dY * (1.0 - A**2)',
}
