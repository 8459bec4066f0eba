"""One example per step for many epochs: far over the time budget.

cell: train_final
task: test_train_final
hint: the budget is 5 s
mistake: over-time-budget
"""
# ruff: noqa: E501
REPLACE = {
    'epochs=10, batch_size=64':
        'epochs=200, batch_size=1',
}
