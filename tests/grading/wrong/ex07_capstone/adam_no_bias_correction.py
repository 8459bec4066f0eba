"""Adam without the division by 1 - β^t.

cell: adam
task: test_adam
hint: Adam without bias correction
mistake: adam_no_bias_correction
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class Adam:
    """Adam: momentum plus per-coordinate scaling, both bias-corrected (``gdlib.optim.Adam``).

    Parameters
    ----------
    params : list of float ndarray
        The arrays θ to update, in place.
    lr : float, default 0.001
        Learning rate η, read at every step.
    betas : (float, float), default (0.9, 0.999)
        β1, β2.
    eps : float, default 1e-8
        ε, added to √ŝ_t.
    """

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
        self.params = list(params)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.m = [np.zeros_like(p) for p in self.params]  # m_0 = 0
        self.s = [np.zeros_like(p) for p in self.params]  # s_0 = 0
        self.t = 0  # steps taken

    def step(self, grads):
        """Update every array in self.params in place, given one gradient per array."""
        self.t += 1  # once per step: t = 1 at the first
        b1, b2 = self.betas
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            m *= b1
            m += (1 - b1) * g  # m_t = β1 m_{t-1} + (1-β1) g_t
            s *= b2
            s += (1 - b2) * g * g  # s_t = β2 s_{t-1} + (1-β2) g_t²
            m_hat = m
            s_hat = s
            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)
