"""Forward gives every layer the network's input.

cell: sequential
task: test_sequential
hint: fed the same x to every layer
mistake: seq_not_chained
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class Sequential:
    """Layers applied in order (``gdlib.nn.Sequential``)."""

    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        """The last layer's output for input x."""
        for layer in self.layers:
            out = layer.forward(x)
        return out

    def backward(self, grad_out):
        """dJ/dx of the first layer, for grad_out = dJ/dy of the last; fills every gradient."""
        for layer in reversed(self.layers):
            grad_out = layer.backward(grad_out)  # dJ/d(its input) = dJ/d(previous output)
        return grad_out

    def parameters(self):
        """Every layer's parameter arrays, first layer first, in one list."""
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        """The gradients of parameters(), in the same order."""
        return [g for layer in self.layers for g in layer.gradients()]
