"""v = v + μg: μ on the wrong term.

cell: sgd
task: test_sgd_momentum
hint: μ multiplies the old velocity
mistake: momentum-mu-on-gradient
"""
REPLACE = {
    (
        'v *= mu\n'
        '                v += g  # v_t = μ v_{t-1} + g_t'
    ):
        'v += mu * g',
}
