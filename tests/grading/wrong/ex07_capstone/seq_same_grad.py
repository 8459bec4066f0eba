"""Every layer's backward gets the network's grad_out; the last dx is returned.

cell: sequential
task: test_sequential
hint: got the network's grad_out
mistake: seq_same_grad
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class Sequential:
    """Layers applied in order (``gdlib.nn.Sequential``)."""

    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        """The last layer's output for input x."""
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad_out):
        """dJ/dx of the first layer, for grad_out = dJ/dy of the last; fills every gradient."""
        for layer in reversed(self.layers):
            dx = layer.backward(grad_out)
        return dx

    def parameters(self):
        """Every layer's parameter arrays, first layer first, in one list."""
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        """The gradients of parameters(), in the same order."""
        return [g for layer in self.layers for g in layer.gradients()]
