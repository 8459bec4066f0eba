"""parameters() returns one list per layer.

cell: sequential
task: test_sequential
hint: not a list of lists
mistake: seq_nested
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
            grad_out = layer.backward(grad_out)  # dJ/d(its input) = dJ/d(previous output)
        return grad_out

    def parameters(self):
        """Every layer's parameter arrays, first layer first, in one list."""
        return [layer.parameters() for layer in self.layers]

    def gradients(self):
        """The gradients of parameters(), in the same order."""
        return [g for layer in self.layers for g in layer.gradients()]
