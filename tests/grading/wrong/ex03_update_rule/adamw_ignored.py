"""AdamW whose step is Adam's without any decay.

cell: adamw
task: test_adamw
hint: weight_decay has no effect on your AdamW
mistake: adamw-ignored
"""
REPLACE = {
    (
        '        for p in self.params:\n'
        '            p *= 1 - self.lr * self.weight_decay  # decoupled: θ ← (1 - ηω) θ\n'
    ):
        '',
}
