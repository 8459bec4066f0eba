"""ReLU's mask lets the gradient through at x = 0 too.

cell: relu
task: test_relu
hint: at x = 0 the gradient should be 0
mistake: relu_ge_zero
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class ReLU:
    """max(x, 0) entry by entry (``gdlib.nn.ReLU``)."""

    def forward(self, x):
        """max(x, 0) for x of any shape, as a new array."""
        self.mask = x >= 0  # where the gradient passes
        return np.where(self.mask, x, 0.0)

    def backward(self, grad_out):
        """dJ/dx for grad_out = dJ/dy of the last forward."""
        return grad_out * self.mask  # dy/dx = 1 where x > 0, else 0

    def parameters(self):
        return []

    def gradients(self):
        return []
