"""parameters() returns one list per layer.

cell: sequential
task: test_sequential
hint: not a list of lists
mistake: sequential-nested-parameters
"""
# ruff: noqa: E501
REPLACE = {
    '        return [p for layer in self.layers for p in layer.parameters()]':
        '        return [layer.parameters() for layer in self.layers]',
}
