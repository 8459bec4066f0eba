"""θ ← (1 - ω) θ: the decay without the learning rate.

cell: adamw
task: test_adamw
hint: AdamW's is θ ← (1 - ηω) θ
mistake: adamw-without-lr
"""
REPLACE = {
    'p *= 1 - self.lr * self.weight_decay': 'p *= 1 - self.weight_decay',
}
