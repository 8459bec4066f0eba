"""The velocity form v = μ v - η g, θ += v: right only while η is constant.

cell: sgd
task: test_sgd
hint: Keep η out of the velocity
mistake: velocity-form-lr-change
"""
# ruff: noqa: E501
REPLACE = {
    ('            v *= self.momentum\n'
     '            v += g  # v_t = μ v_{t-1} + g_t\n'
     '            p -= self.lr * v  # θ_t = θ_{t-1} - η v_t'):
        ('            v *= self.momentum\n'
         '            v -= self.lr * g\n'
         '            p += v'),
}
