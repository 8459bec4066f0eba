"""Divides by s_t instead of its square root.

cell: rmsprop
task: test_rmsprop
hint: you divide by s_t itself
mistake: no-sqrt
"""
REPLACE = {
    'np.sqrt(s) + self.eps': 's + self.eps',
}
