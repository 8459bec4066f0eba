"""ReLU's backward returns its local derivative only.

cell: relu
task: test_relu
hint: local derivative 1[x > 0] alone
mistake: relu-local-only
"""
# ruff: noqa: E501
REPLACE = {
    '        return grad_out * self.mask':
        '        return self.mask * 1.0',
}
