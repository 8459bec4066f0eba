"""Uses CS231n's convention: momentum weights the old value.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: that is CS231n's and Keras' convention
mistake: bn-momentum-flipped
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    '(1 - momentum) * running_mean + momentum * mean': 'momentum * running_mean + (1 - momentum) * mean',
    '(1 - momentum) * running_var + momentum * var': 'momentum * running_var + (1 - momentum) * var',
}
