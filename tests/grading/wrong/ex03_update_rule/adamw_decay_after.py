"""The decay applied after Adam's step.

cell: adamw
task: test_adamw
hint: your decay uses θ after the Adam step
mistake: adamw-decay-after
"""
REPLACE = {
    (
        '        for p in self.params:\n'
        '            p *= 1 - self.lr * self.weight_decay  # decoupled: θ ← (1 - ηω) θ\n'
    ):
        '',
    '            self.weight_decay = omega':
        (
            '            self.weight_decay = omega\n'
            '        for p in self.params:\n'
            '            p *= 1 - self.lr * self.weight_decay'
        ),
}
