"""Keeps one row per example in every bias gradient.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: so its gradient is the sum of the rows
mistake: grad-not-summed
"""
REPLACE = {
    'grads[l] = (dW, db)': 'grads[l] = (dW, dZ)',
}
