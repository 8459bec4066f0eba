"""ReLU's backward masks with the sign of the incoming gradient.

cell: relu
task: test_relu
hint: masked with the sign of grad_out
mistake: relu-mask-on-gradient
"""
# ruff: noqa: E501
REPLACE = {
    '        return grad_out * self.mask':
        '        return grad_out * (grad_out > 0)',
}
