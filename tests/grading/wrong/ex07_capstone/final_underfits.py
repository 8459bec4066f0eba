"""Too small a learning rate for too few epochs.

cell: train_final
task: test_train_final
hint: does not fit the training set yet
mistake: final-underfits
"""
# ruff: noqa: E501
REPLACE = {
    "    optimizer = Adam(model.parameters(), lr=0.01)  # the range test's suggestion, rounded":
        '    optimizer = SGD(model.parameters(), lr=0.001)',
    'epochs=10':
        'epochs=2',
}
