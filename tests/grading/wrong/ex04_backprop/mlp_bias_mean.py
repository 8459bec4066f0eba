"""Averages every bias gradient over the batch.

cell: mlp_loss_and_grads
task: test_mlp_loss_and_grads
hint: every db is the mean over the batch
mistake: mlp-bias-mean
"""
REPLACE = {
    'grads[l] = (dW, db)': 'grads[l] = (dW, dZ.mean(axis=0))',
}
