"""Gradients written into the existing arrays, with einsum; the input kept as a copy.

cell: linear
"""
# ruff: noqa: E501
REPLACE = {
    '        self.x = x  # dJ/dW needs the input':
        '        self.x = x.copy()',
    "        self.dW = self.x.T @ grad_out  # dJ/dW = xᵀ G, (D, H): replaces the last batch's":
        "        self.dW[...] = np.einsum('nd,nh->dh', self.x, grad_out)",
    '        self.db = grad_out.sum(axis=0)  # dJ/db = Σ_n G_n: b was added to every row':
        "        self.db[...] = np.einsum('nh->h', grad_out)",
    '        return grad_out @ self.W.T  # dJ/dx = G Wᵀ, (N, D)':
        "        return np.einsum('nh,dh->nd', grad_out, self.W)",
}
