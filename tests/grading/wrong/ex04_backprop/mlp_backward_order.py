"""Appends the pairs as the backward pass finds them: the last layer first.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: in backward order, the last layer first
mistake: mlp-backward-order
"""
REPLACE = {
    '    grads = [None] * len(params)': '    grads = []',
    'grads[l] = (dW, db)': 'grads.append((dW, db))',
}
