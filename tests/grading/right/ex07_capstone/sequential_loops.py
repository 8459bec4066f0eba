"""Plain loops with list.extend, and backward over the layers by index.

cell: sequential
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
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
        for i in range(len(self.layers) - 1, -1, -1):
            grad_out = self.layers[i].backward(grad_out)
        return grad_out

    def parameters(self):
        """Every layer's parameter arrays, first layer first, in one list."""
        params = []
        for layer in self.layers:
            params.extend(layer.parameters())
        return params

    def gradients(self):
        """The gradients of parameters(), in the same order."""
        grads = []
        for layer in self.layers:
            grads.extend(layer.gradients())
        return grads
