"""Kingma's efficient form with ε̂ = ε·√(1 - β2^t): the same algorithm.

cell: adam
"""
REPLACE = {
    (
        '            m_hat = m / (1 - b1**self.t)  # bias correction\n'
        '            s_hat = s / (1 - b2**self.t)\n'
        '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)'
    ):
        (
            '            root = np.sqrt(1 - b2**self.t)\n'
            '            step_size = self.lr * root / (1 - b1**self.t)\n'
            '            p -= step_size * m / (np.sqrt(s) + self.eps * root)'
        ),
}
