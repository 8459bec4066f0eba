"""t incremented after the step: 1 - β^0 = 0 at the first, and NaN from then on.

cell: adam
task: test_adam, test_adam_weight_decay, test_adamw
hint: your first step divides by 1 - β^0 = 0
mistake: t-from-zero
"""
REPLACE = {
    (
        '        self.t += 1\n'
        '        b1, b2 = self.betas\n'
    ):
        '        b1, b2 = self.betas\n',
    '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)':
        (
            '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)\n'
            '        self.t += 1'
        ),
}
