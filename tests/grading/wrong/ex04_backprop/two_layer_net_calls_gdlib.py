"""Takes dJ/dZ2 from gdlib.losses.cross_entropy_grad instead of computing it.

cell: two_layer_net
task: test_two_layer_net
hint: the reference implementation of what this task asks
"""
# ruff: noqa: F821 (the notebook defines np and gdlib)
def two_layer_net(params, X, y):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = np.maximum(Z1, 0.0)
    Z2 = A1 @ params["W2"] + params["b2"]
    loss = gdlib.losses.cross_entropy(Z2, y)
    dZ2 = gdlib.losses.cross_entropy_grad(Z2, y)
    dZ1 = (dZ2 @ params["W2"].T) * (Z1 > 0)
    return loss, {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
                  "b2": dZ2.sum(axis=0)}
