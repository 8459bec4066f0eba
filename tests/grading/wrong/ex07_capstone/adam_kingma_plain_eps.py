"""Kingma and Ba's efficient form with ε instead of ε̂.

cell: adam
task: test_adam
hint: Kingma and Ba's efficient form with ε
mistake: efficient-eps
"""
# ruff: noqa: E501
REPLACE = {
    ('            m_hat = m / (1 - b1**self.t)  # bias correction\n'
     '            s_hat = s / (1 - b2**self.t)\n'
     '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)'):
        ('            lr_t = self.lr * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)\n'
         '            p -= lr_t * m / (np.sqrt(s) + self.eps)'),
}
