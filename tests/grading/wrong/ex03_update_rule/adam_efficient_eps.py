"""Kingma's efficient form with ε not rescaled.

cell: adam
task: test_adam
hint: Adam's 'efficient' form
mistake: efficient-eps
"""
REPLACE = {
    (
        '            m_hat = m / (1 - b1**self.t)  # bias correction\n'
        '            s_hat = s / (1 - b2**self.t)\n'
        '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)'
    ):
        (
            '            step_size = self.lr * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)\n'
            '            p -= step_size * m / (np.sqrt(s) + self.eps)'
        ),
}
