"""Momentum as an average, v = μ v + (1 - μ) g.

cell: sgd
task: test_sgd
hint: an average of the gradients
mistake: sgd_dampened
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
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
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v *= self.momentum
            v += (1 - self.momentum) * g
            p -= self.lr * v  # θ_t = θ_{t-1} - η v_t
