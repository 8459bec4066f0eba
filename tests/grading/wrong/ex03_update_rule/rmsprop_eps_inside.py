"""ε inside the square root.

cell: rmsprop
task: test_rmsprop
hint: you put ε inside the square root
mistake: eps-inside-sqrt
"""
REPLACE = {
    'np.sqrt(s) + self.eps': 'np.sqrt(s + self.eps)',
}
