"""The layer hands its work to gdlib.nn.Linear.

cell: linear
task: test_linear
hint: reference implementation
mistake: calls-reference
"""
# ruff: noqa: E501
REPLACE = {
    ('        self.x = x  # dJ/dW needs the input\n'
     '        return x @ self.W + self.b'):
        ('        self.ref = gdlib.nn.Linear(*self.W.shape, rng=np.random.default_rng(0))\n'
         '        self.ref.W[...], self.ref.b[...] = self.W, self.b\n'
         '        return self.ref.forward(x)'),
    ("        self.dW = self.x.T @ grad_out  # dJ/dW = xᵀ G, (D, H): replaces the last batch's\n"
     '        self.db = grad_out.sum(axis=0)  # dJ/db = Σ_n G_n: b was added to every row\n'
     '        return grad_out @ self.W.T  # dJ/dx = G Wᵀ, (N, D)'):
        ('        dx = self.ref.backward(grad_out)\n'
         '        self.dW, self.db = self.ref.dW.copy(), self.ref.db.copy()\n'
         '        return dx'),
}
