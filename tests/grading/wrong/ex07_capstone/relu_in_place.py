"""ReLU's forward zeroes the negative entries of its input in place.

cell: relu
task: test_relu
hint: changed its input x in place
mistake: relu_in_place
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class ReLU:
    """max(x, 0) entry by entry (``gdlib.nn.ReLU``)."""

    def forward(self, x):
        """max(x, 0) for x of any shape, as a new array."""
        self.mask = x > 0  # where the gradient passes
        x[~self.mask] = 0.0
        return x

    def backward(self, grad_out):
        """dJ/dx for grad_out = dJ/dy of the last forward."""
        return grad_out * self.mask  # dy/dx = 1 where x > 0, else 0

    def parameters(self):
        return []

    def gradients(self):
        return []
