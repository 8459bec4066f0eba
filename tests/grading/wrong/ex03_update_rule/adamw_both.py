"""Decoupled decay, then Adam's step with its L2 decay still on.

cell: adamw
task: test_adamw
hint: your AdamW decays θ twice
mistake: adamw-both
"""
REPLACE = {
    'omega, self.weight_decay = self.weight_decay, 0.0': 'omega = self.weight_decay',
}
