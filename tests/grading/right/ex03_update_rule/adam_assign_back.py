"""m and s assigned back to their lists instead of updated in place.

cell: adam
"""
REPLACE = {
    '        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):':
        '        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):',
    (
        '            m *= b1\n'
        '            m += (1 - b1) * g  # m_t = β1 m_{t-1} + (1-β1) g_t\n'
        '            s *= b2\n'
        '            s += (1 - b2) * g * g  # s_t = β2 s_{t-1} + (1-β2) g_t²\n'
    ):
        (
            '            m = self.m[i] = b1 * self.m[i] + (1 - b1) * g\n'
            '            s = self.s[i] = b2 * self.s[i] + (1 - b2) * g**2\n'
        ),
}
