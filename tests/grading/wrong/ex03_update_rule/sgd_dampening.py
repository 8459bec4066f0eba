"""v = μv + (1 - μ)g: the velocity as an average.

cell: sgd
task: test_sgd_momentum
hint: your velocity is an average
mistake: momentum-dampening
"""
REPLACE = {
    'v += g  # v_t = μ v_{t-1} + g_t': 'v += (1 - mu) * g',
}
