"""ωθ added to the velocity's step instead of to the gradient.

cell: sgd
task: test_sgd_weight_decay
hint: that is decoupled weight decay
mistake: decay-after-momentum
"""
REPLACE = {
    (
        '            if self.weight_decay:\n'
        '                g = g + self.weight_decay * p  # g_t ← g_t + ωθ (a new array)\n'
    ):
        '',
    '            p -= self.lr * g': '            p -= self.lr * (g + self.weight_decay * p)',
}
