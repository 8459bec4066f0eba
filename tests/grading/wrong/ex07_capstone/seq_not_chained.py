"""Forward gives every layer the network's input.

cell: sequential
task: test_sequential
hint: fed the same x to every layer
mistake: sequential-not-chained
"""
# ruff: noqa: E501
REPLACE = {
    ('        for layer in self.layers:\n'
     '            x = layer.forward(x)\n'
     '        return x'):
        ('        for layer in self.layers:\n'
         '            out = layer.forward(x)\n'
         '        return out'),
}
