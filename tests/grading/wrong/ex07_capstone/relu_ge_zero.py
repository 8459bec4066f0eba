"""ReLU's mask lets the gradient through at x = 0 too.

cell: relu
task: test_relu
hint: at x = 0 the gradient should be 0
mistake: relu-at-zero
"""
# ruff: noqa: E501
REPLACE = {
    '        self.mask = x > 0':
        '        self.mask = x >= 0',
}
