"""Adam's weight_decay applied as AdamW's decoupled decay.

cell: adam
task: test_adam_weight_decay
hint: that is AdamW's decoupled decay
mistake: adam-decay-decoupled
"""
REPLACE = {
    '                g = g + self.weight_decay * p  # L2: g_t ← g_t + ω θ':
        '                p -= self.lr * self.weight_decay * p',
}
