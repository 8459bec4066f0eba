"""A learning rate far above the range test's minimum.

cell: train_final
task: test_train_final
hint: the training loss rose
mistake: final-lr-too-large
"""
# ruff: noqa: E501
REPLACE = {
    "    optimizer = Adam(model.parameters(), lr=0.01)  # the range test's suggestion, rounded":
        '    optimizer = SGD(model.parameters(), lr=3.0, momentum=0.9)',
}
