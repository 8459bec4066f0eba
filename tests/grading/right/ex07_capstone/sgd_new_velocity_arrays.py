"""The velocity kept by assigning new arrays to self.velocity[i].

cell: sgd
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
class SGD:
    """Stochastic gradient descent with momentum (``gdlib.optim.SGD``, torch's form).

    Parameters
    ----------
    params : list of float ndarray
        The arrays θ to update, in place.
    lr : float
        Learning rate η, read at every step.
    momentum : float, default 0.0
        μ in [0, 1).
    """

    def __init__(self, params, lr, momentum=0.0):
        self.params = list(params)
        self.lr = lr
        self.momentum = momentum
        self.velocity = [np.zeros_like(p) for p in self.params]  # v_0 = 0

    def step(self, grads):
        """Update every array in self.params in place, given one gradient per array."""
        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):
            self.velocity[i] = self.momentum * self.velocity[i] + g
            p -= self.lr * self.velocity[i]
