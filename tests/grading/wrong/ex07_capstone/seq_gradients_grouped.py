"""gradients() lists every weight gradient first, then every bias gradient.

cell: sequential
task: test_sequential
hint: in another order than parameters()
mistake: sequential-gradient-order
"""
# ruff: noqa: E501
REPLACE = {
    '        return [g for layer in self.layers for g in layer.gradients()]':
        ('        grads = [layer.gradients() for layer in self.layers if layer.gradients()]\n'
         '        return [g[0] for g in grads] + [g[1] for g in grads]'),
}
