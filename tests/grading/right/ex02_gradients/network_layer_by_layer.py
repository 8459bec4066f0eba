"""Walks the layers and their parameters itself, in the same order.

cell: check_network
"""
# ruff: noqa: F821 (gdlib is imported by the notebook's first cell)
def check_network(net, X, y, eps=1e-6, rtol=1e-6):
    logits = net.forward(X)
    net.backward(gdlib.losses.cross_entropy_grad(logits, y))
    out = []
    for layer in net.children():
        for p, g in zip(layer.parameters(), layer.gradients(), strict=True):
            analytic = g.copy()
            out.append(gradient_check(lambda _: gdlib.losses.cross_entropy(net(X), y), p,
                                      analytic, eps, rtol))
    return out
