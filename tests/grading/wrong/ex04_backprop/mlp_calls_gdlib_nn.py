"""Builds the network from gdlib.nn layers.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook defines np and gdlib)
def mlp_loss_and_grads(params, X, y):
    layers = []
    for l, (W, b) in enumerate(params):
        linear = gdlib.nn.Linear(*W.shape, rng=np.random.default_rng(0))
        linear.W[...], linear.b[...] = W, b
        layers += [linear, gdlib.nn.ReLU()] if l < len(params) - 1 else [linear]
    net = gdlib.nn.Sequential(*layers)
    logits = net(X)
    net.backward(gdlib.losses.cross_entropy_grad(logits, y))
    grads = [(m.dW.copy(), m.db.copy()) for m in layers[::2]]
    return float(gdlib.losses.cross_entropy(logits, y)), grads
