"""The weight gradient transposed: grad_outᵀ x.

cell: linear
task: test_linear
hint: it is transposed
mistake: transposed-weight-grad
"""
# ruff: noqa: E501
REPLACE = {
    '        self.dW = self.x.T @ grad_out':
        '        self.dW = grad_out.T @ self.x',
}
