"""Momentum as an average, v = μ v + (1 - μ) g.

cell: sgd
task: test_sgd
hint: an average of the gradients
mistake: momentum-dampening
"""
# ruff: noqa: E501
REPLACE = {
    '            v += g  # v_t = μ v_{t-1} + g_t':
        '            v += (1 - self.momentum) * g',
}
