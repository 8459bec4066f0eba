"""The gradient of the summed squared errors.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: you summed the squared errors
mistake: sum-not-mean
"""
REPLACE = {
    '(Y_hat - T) / Y_hat.size': '(Y_hat - T)',
}
