"""The weight gradient divided by N once more.

cell: linear
task: test_linear
hint: dW is N times too small
mistake: dw-divided-by-n
"""
# ruff: noqa: E501
REPLACE = {
    '        self.dW = self.x.T @ grad_out':
        '        self.dW = self.x.T @ grad_out / len(grad_out)',
}
