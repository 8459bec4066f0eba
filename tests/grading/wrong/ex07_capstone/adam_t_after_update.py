"""The step count is raised after the update: t = 0 at the first step.

cell: adam
task: test_adam
hint: the bias correction divides by zero
mistake: t-from-zero
"""
# ruff: noqa: E501
REPLACE = {
    '        self.t += 1  # once per step: t = 1 at the first\n':
        '',
    '            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)':
        ('            p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)\n'
         '        self.t += 1  # counted after the step'),
}
