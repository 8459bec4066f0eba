"""The bias gradient averaged over the batch instead of summed.

cell: linear
task: test_linear
hint: db is the mean of grad_out's rows
mistake: linear-bias-mean
"""
# ruff: noqa: E501
REPLACE = {
    '        self.db = grad_out.sum(axis=0)':
        '        self.db = grad_out.mean(axis=0)',
}
