"""s assigned back to the list, and the step multiplied by a reciprocal.

cell: rmsprop
"""
REPLACE = {
    (
        '        for p, g, s in zip(self.params, grads, self.square_avg, strict=True):\n'
        '            s *= a\n'
        '            s += (1 - a) * g * g  # s_t = α s_{t-1} + (1 - α) g_t²\n'
        '            p -= self.lr * g / (np.sqrt(s) + self.eps)'
    ):
        (
            '        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):\n'
            '            self.square_avg[i] = a * self.square_avg[i] + (1 - a) * g**2\n'
            '            p -= self.lr * g * (1.0 / (np.sqrt(self.square_avg[i]) + self.eps))'
        ),
}
