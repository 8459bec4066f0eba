"""The forward pass forgets the bias.

cell: linear
task: test_linear
hint: without the bias
mistake: forward-without-bias
"""
# ruff: noqa: E501
REPLACE = {
    '        return x @ self.W + self.b':
        '        return x @ self.W',
}
