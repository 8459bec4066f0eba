"""The training set passed to train as the validation set.

cell: train_final
task: test_train_final
hint: accuracy on the training set
mistake: validation-on-training-set
"""
# ruff: noqa: E501
REPLACE = {
    '    history = train(model, SoftmaxCrossEntropy(), optimizer, X_train, y_train, X_val, y_val,':
        '    history = train(model, SoftmaxCrossEntropy(), optimizer, X_train, y_train, X_train, y_train,',
}
