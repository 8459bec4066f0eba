"""The bias gradient not summed over the batch: one row per example.

cell: linear
task: test_linear
hint: one row per example
mistake: grad-not-summed
"""
# ruff: noqa: E501
REPLACE = {
    '        self.db = grad_out.sum(axis=0)':
        '        self.db = grad_out.copy()',
}
