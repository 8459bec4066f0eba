"""parameters() returns copies of the layers' arrays.

cell: sequential
task: test_sequential
hint: the very same objects
mistake: sequential-parameter-copies
"""
# ruff: noqa: E501
REPLACE = {
    '        return [p for layer in self.layers for p in layer.parameters()]':
        '        return [p.copy() for layer in self.layers for p in layer.parameters()]',
}
