"""d(ŷ - t)²/dŷ taken as (ŷ - t).

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: d(ŷ - t)²/dŷ = 2 (ŷ - t)
mistake: missing-two
"""
REPLACE = {
    '2.0 * (Y_hat - T) / Y_hat.size': '(Y_hat - T) / Y_hat.size',
}
