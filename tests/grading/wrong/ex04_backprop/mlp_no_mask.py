"""Skips ReLU's derivative in the backward pass.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: without the ReLU's derivative
mistake: mlp-no-mask
"""
# ruff: noqa: F821 (the notebook defines np and gdlib)
def mlp_loss_and_grads(params, X, y):
    last = len(params) - 1
    inputs, pre = [], []
    A = X
    for l, (W, b) in enumerate(params):
        inputs.append(A)
        Z = A @ W + b
        pre.append(Z)
        A = np.maximum(Z, 0.0) if l < last else Z
    loss = float(gdlib.losses.cross_entropy(A, y))
    dZ = gdlib.losses.cross_entropy_grad(A, y)

    grads = []
    for l in range(last, -1, -1):
        dZ, dW, db = linear_backward(dZ, inputs[l], params[l][0])
        grads.insert(0, (dW, db))
    return loss, grads
