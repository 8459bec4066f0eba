"""The validation entries measured on the training set.

cell: train
task: test_train
hint: are the training set's
mistake: validation-on-training-set
"""
# ruff: noqa: E501
REPLACE = {
    '        for name, inputs, labels in (("train", X, y), ("val", X_val, y_val)):':
        '        for name, inputs, labels in (("train", X, y), ("val", X, y)):',
}
