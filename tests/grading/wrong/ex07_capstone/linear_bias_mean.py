"""The bias gradient averaged over the batch instead of summed.

cell: linear
task: test_linear
hint: db is the mean of grad_out's rows
mistake: linear_bias_mean
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
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
        self.x = x  # dJ/dW needs the input
        return x @ self.W + self.b

    def backward(self, grad_out):
        """Store dJ/dW and dJ/db for grad_out = dJ/dy (N, H); return dJ/dx (N, D)."""
        self.dW = self.x.T @ grad_out  # dJ/dW = xᵀ G, (D, H): replaces the last batch's
        self.db = grad_out.mean(axis=0)  # dJ/db = Σ_n G_n: b was added to every row
        return grad_out @ self.W.T  # dJ/dx = G Wᵀ, (N, D)

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]
