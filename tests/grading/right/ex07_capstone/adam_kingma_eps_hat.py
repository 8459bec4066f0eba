"""Kingma and Ba's efficient form, with ε̂ = ε √(1 - β2^t).

cell: adam
"""
# ruff: noqa: E501
REPLACE = {
    ('            m_hat = m / (1 - b1**self.t)  # bias correction\n'
     '            s_hat = s / (1 - b2**self.t)\n'
     '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)'):
        ('            lr_t = self.lr * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)\n'
         '            eps_hat = self.eps * np.sqrt(1 - b2**self.t)\n'
         '            p -= lr_t * m / (np.sqrt(s) + eps_hat)'),
}
