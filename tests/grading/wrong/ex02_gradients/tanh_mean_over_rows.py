"""The mean taken over the N rows only, not the N·K entries.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: the number of rows; the MSE averages over all
mistake: mean-over-rows
"""
REPLACE = {
    '(H - T) / H.size': '(H - T) / len(X)',
}
