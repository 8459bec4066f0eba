"""Gradients written into the existing arrays, with einsum; the input kept as a copy.

cell: linear
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
class Linear:
    """Fully connected layer y = x W + b (``gdlib.nn.Linear``).

    Parameters
    ----------
    in_features, out_features : int
        D and H.
    rng : numpy.random.Generator
        The source of the initial weights.
    """

    def __init__(self, in_features, out_features, *, rng):
        self.W = rng.normal(0.0, np.sqrt(2.0 / in_features), size=(in_features, out_features))
        self.b = np.zeros(out_features)
        self.dW = np.zeros_like(self.W)  # dJ/dW after backward
        self.db = np.zeros_like(self.b)  # dJ/db after backward

    def forward(self, x):
        """y = x W + b for x of shape (N, D); returns an array of shape (N, H)."""
        self.x = x.copy()
        return x @ self.W + self.b

    def backward(self, grad_out):
        """Store dJ/dW and dJ/db for grad_out = dJ/dy (N, H); return dJ/dx (N, D)."""
        self.dW[...] = np.einsum('nd,nh->dh', self.x, grad_out)
        self.db[...] = np.einsum('nh->h', grad_out)
        return np.einsum('nh,dh->nd', grad_out, self.W)

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]
