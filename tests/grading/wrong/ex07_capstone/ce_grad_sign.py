"""The gradient with the wrong sign, (Y - P) / N.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: (Y - P)/N, which points uphill
mistake: sign-flipped
"""
# ruff: noqa: E501
REPLACE = {
    '        return grad / len(self.labels)  # dJ/dZ = (P - Y) / N':
        '        return -grad / len(self.labels)',
}
