"""ε inside the square root of ŝ.

cell: adam
task: test_adam
hint: you put ε inside the square root
mistake: eps-inside-sqrt
"""
REPLACE = {
    '(np.sqrt(s_hat) + self.eps)': 'np.sqrt(s_hat + self.eps)',
}
