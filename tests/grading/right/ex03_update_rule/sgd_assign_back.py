"""The velocity assigned back to the list instead of updated in place.

cell: sgd
"""
REPLACE = {
    (
        '                v *= mu\n'
        '                v += g  # v_t = μ v_{t-1} + g_t\n'
        '                g = g + mu * v if self.nesterov else v\n'
    ):
        (
            '                i = next(k for k, q in enumerate(self.params) if q is p)\n'
            '                self.velocity[i] = mu * self.velocity[i] + g\n'
            '                g = g + mu * self.velocity[i] if self.nesterov else self.velocity[i]\n'
        ),
}
