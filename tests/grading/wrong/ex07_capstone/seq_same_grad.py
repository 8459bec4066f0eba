"""Every layer's backward gets the network's grad_out; the last dx is returned.

cell: sequential
task: test_sequential
hint: got the network's grad_out
mistake: sequential-same-grad
"""
# ruff: noqa: E501
REPLACE = {
    ('        for layer in reversed(self.layers):\n'
     '            grad_out = layer.backward(grad_out)  # dJ/d(its input) = dJ/d(previous output)\n'
     '        return grad_out'):
        ('        for layer in reversed(self.layers):\n'
         '            dx = layer.backward(grad_out)\n'
         '        return dx'),
}
