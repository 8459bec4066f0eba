"""The velocity is a new local array at every step: momentum never builds up.

cell: sgd
task: test_sgd
hint: as plain gradient descent would
mistake: momentum-ignored
"""
# ruff: noqa: E501
REPLACE = {
    ('            v *= self.momentum\n'
     '            v += g  # v_t = μ v_{t-1} + g_t'):
        '            v = self.momentum * np.zeros_like(g) + g',
}
