"""The gradient P - Y without the 1/N.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: without the 1/N of the mean
mistake: sum-not-mean
"""
# ruff: noqa: E501
REPLACE = {
    '        return grad / len(self.labels)  # dJ/dZ = (P - Y) / N':
        '        return grad',
}
