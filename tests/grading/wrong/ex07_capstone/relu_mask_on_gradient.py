"""ReLU's backward masks with the sign of the incoming gradient.

cell: relu
task: test_relu
hint: masked with the sign of grad_out
mistake: relu_mask_on_gradient
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class ReLU:
    """max(x, 0) entry by entry (``gdlib.nn.ReLU``)."""

    def forward(self, x):
        """max(x, 0) for x of any shape, as a new array."""
        self.mask = x > 0  # where the gradient passes
        return np.where(self.mask, x, 0.0)

    def backward(self, grad_out):
        """dJ/dx for grad_out = dJ/dy of the last forward."""
        return grad_out * (grad_out > 0)  # dy/dx = 1 where x > 0, else 0

    def parameters(self):
        return []

    def gradients(self):
        return []
