"""ωθ added to the step, after m and s.

cell: adam
task: test_adam_weight_decay
hint: that is AdamW's decoupled decay
mistake: adam-decay-decoupled
"""
REPLACE = {
    (
        '            if self.weight_decay:\n'
        '                g = g + self.weight_decay * p  # L2: g_t ← g_t + ω θ\n'
    ):
        '',
    'p -= self.lr * m_hat / (np.sqrt(s_hat) + self.eps)':
        'p -= self.lr * (m_hat / (np.sqrt(s_hat) + self.eps) + self.weight_decay * p)',
}
