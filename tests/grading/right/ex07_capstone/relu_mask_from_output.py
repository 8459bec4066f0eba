"""np.maximum in the forward pass; the mask taken from the output (y > 0 exactly where x > 0).

cell: relu
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
class ReLU:
    """max(x, 0) entry by entry (``gdlib.nn.ReLU``)."""

    def forward(self, x):
        """max(x, 0) for x of any shape, as a new array."""
        self.out = np.maximum(x, 0.0)
        return self.out

    def backward(self, grad_out):
        """dJ/dx for grad_out = dJ/dy of the last forward."""
        grad = grad_out.copy()
        grad[self.out <= 0] = 0.0
        return grad

    def parameters(self):
        return []

    def gradients(self):
        return []
