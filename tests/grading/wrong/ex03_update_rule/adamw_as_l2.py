"""AdamW written as Adam's L2 decay.

cell: adamw
task: test_adamw
hint: your AdamW adds ωθ to the gradient
mistake: adamw-as-l2
"""
REPLACE = {
    (
        '        for p in self.params:\n'
        '            p *= 1 - self.lr * self.weight_decay  # decoupled: θ ← (1 - ηω) θ\n'
    ):
        '',
    'omega, self.weight_decay = self.weight_decay, 0.0': 'omega = self.weight_decay',
}
