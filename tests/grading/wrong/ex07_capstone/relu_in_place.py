"""ReLU's forward zeroes the negative entries of its input in place.

cell: relu
task: test_relu
hint: changed its input x in place
mistake: mutates-input
"""
# ruff: noqa: E501
REPLACE = {
    '        return np.where(self.mask, x, 0.0)':
        '        x[~self.mask] = 0.0\n        return x',
}
