"""np.maximum in the forward pass; the mask taken from the output (y > 0 exactly where x > 0).

cell: relu
"""
# ruff: noqa: E501
REPLACE = {
    ('        self.mask = x > 0  # where the gradient passes\n'
     '        return np.where(self.mask, x, 0.0)'):
        ('        self.out = np.maximum(x, 0.0)\n'
         '        return self.out'),
    '        return grad_out * self.mask  # dy/dx = 1 where x > 0, else 0':
        ('        grad = grad_out.copy()\n'
         '        grad[self.out <= 0] = 0.0\n'
         '        return grad'),
}
