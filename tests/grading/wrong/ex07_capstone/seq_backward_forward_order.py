"""Backward runs the layers in the forward order.

cell: sequential
task: test_sequential
hint: backward ran the layers first to last
mistake: sequential-forward-order
"""
# ruff: noqa: E501
REPLACE = {
    '        for layer in reversed(self.layers):':
        '        for layer in self.layers:',
}
