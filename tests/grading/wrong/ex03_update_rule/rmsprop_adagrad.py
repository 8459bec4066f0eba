"""A running sum of g², which is AdaGrad.

cell: rmsprop
task: test_rmsprop
hint: that is AdaGrad
mistake: adagrad-sum
"""
REPLACE = {
    (
        's *= a\n'
        '            s += (1 - a) * g * g'
    ):
        's += g * g',
}
