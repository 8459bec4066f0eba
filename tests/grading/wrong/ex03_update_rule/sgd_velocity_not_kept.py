"""The velocity computed into a local name and never stored.

cell: sgd
task: test_sgd_momentum
hint: v must be kept between steps
mistake: momentum-ignored
"""
REPLACE = {
    (
        '                v *= mu\n'
        '                v += g  # v_t = μ v_{t-1} + g_t\n'
    ):
        '                v = mu * v + g  # noqa: PLW2901\n',
}
