"""Sums the cross-entropy over the batch instead of averaging it.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: J is the *mean* cross-entropy over the batch
mistake: mlp-sum-loss
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    '    grads = [None] * len(params)': '    loss, dZ = loss * len(X), dZ * len(X)\n    grads = [None] * len(params)',
}
