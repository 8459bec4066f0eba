"""Nesterov's step with the velocity of the previous step.

cell: sgd
task: test_sgd_nesterov
hint: your steps are plain momentum's
mistake: nesterov-ignored
"""
REPLACE = {
    (
        '                v *= mu\n'
        '                v += g  # v_t = μ v_{t-1} + g_t\n'
        '                g = g + mu * v if self.nesterov else v\n'
    ):
        (
            '                look_ahead = g + mu * v\n'
            '                v *= mu\n'
            '                v += g\n'
            '                g = look_ahead if self.nesterov else v\n'
        ),
}
