"""Adam that corrects m_t only.

cell: adam
task: test_adam
hint: but not s_t
mistake: bias-m-only
"""
# ruff: noqa: E501
REPLACE = {
    '            s_hat = s / (1 - b2**self.t)':
        '            s_hat = s',
}
