"""The gradient P / N: the one-hot labels not subtracted.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: subtract the one-hot labels
mistake: forgot-onehot
"""
# ruff: noqa: E501
REPLACE = {
    '        grad[np.arange(len(self.labels)), self.labels] -= 1.0  # P - Y':
        '        pass',
}
