"""Backpropagates through gdlib.nn layers, which Task 4 forbids.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (np and gdlib are imported by the notebook's first cell)
def tanh_layer_grads(X, W, b, T):
    layer = gdlib.nn.Linear(*W.shape, rng=np.random.default_rng(0))
    layer.W[...], layer.b[...] = W, b
    act = gdlib.nn.Tanh()
    Y_hat = act(layer(X))
    layer.backward(act.backward(2.0 * (Y_hat - T) / Y_hat.size))
    return layer.dW.copy(), layer.db.copy()
