"""ε under the square root.

cell: adam
task: test_adam
hint: ε is added after the square root
mistake: eps-inside-sqrt
"""
# ruff: noqa: E501
REPLACE = {
    '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)':
        '            p -= self.lr * m_hat / np.sqrt(s_hat + self.eps)',
}
