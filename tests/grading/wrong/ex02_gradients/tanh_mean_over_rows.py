"""The mean taken over the N rows only, not the N·H entries.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: the number of rows; the MSE averages over all
mistake: mean-over-rows
"""
REPLACE = {
    '(Y_hat - T) / Y_hat.size': '(Y_hat - T) / len(X)',
}
