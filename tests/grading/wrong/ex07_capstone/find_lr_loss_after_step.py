"""train_step returns the loss of its batch after the update.

cell: find_lr
task: test_find_lr
hint: returns the loss after the update
mistake: find-lr-loss-after-step
"""
# ruff: noqa: E501
REPLACE = {
    '            optimizer.step(model.gradients())':
        ('            optimizer.step(model.gradients())\n'
         '            value = loss.forward(model.forward(X[batch]), y[batch])'),
}
