"""The update rebinds the loop variable instead of changing the array in place.

cell: sgd
task: test_sgd
hint: did not change the parameters
mistake: rebinds-params
"""
# ruff: noqa: E501
REPLACE = {
    '            p -= self.lr * v  # θ_t = θ_{t-1} - η v_t':
        '            p = p - self.lr * v',
}
