"""Bias correction of m_t only.

cell: adam
task: test_adam
hint: you bias-correct m_t but not s_t
mistake: bias-m-only
"""
REPLACE = {
    's_hat = s / (1 - b2**self.t)': 's_hat = s',
}
