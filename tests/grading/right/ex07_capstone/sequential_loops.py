"""Plain loops with list.extend, and backward over the layers by index.

cell: sequential
"""
# ruff: noqa: E501
REPLACE = {
    ('        for layer in reversed(self.layers):\n'
     '            grad_out = layer.backward(grad_out)  # dJ/d(its input) = dJ/d(previous output)\n'
     '        return grad_out'):
        ('        for i in range(len(self.layers) - 1, -1, -1):\n'
         '            grad_out = self.layers[i].backward(grad_out)\n'
         '        return grad_out'),
    '        return [p for layer in self.layers for p in layer.parameters()]':
        ('        params = []\n'
         '        for layer in self.layers:\n'
         '            params.extend(layer.parameters())\n'
         '        return params'),
    '        return [g for layer in self.layers for g in layer.gradients()]':
        ('        grads = []\n'
         '        for layer in self.layers:\n'
         '            grads.extend(layer.gradients())\n'
         '        return grads'),
}
