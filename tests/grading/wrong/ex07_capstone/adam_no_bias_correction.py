"""Adam without the division by 1 - β^t.

cell: adam
task: test_adam
hint: Adam without bias correction
mistake: adam-no-bias-correction
"""
# ruff: noqa: E501
REPLACE = {
    '            m_hat = m / (1 - b1**self.t)  # bias correction':
        '            m_hat = m',
    '            s_hat = s / (1 - b2**self.t)':
        '            s_hat = s',
}
