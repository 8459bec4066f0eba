"""weight_decay stored but never used.

cell: adam
task: test_adam_weight_decay
hint: weight_decay has no effect on your steps
mistake: decay-ignored
"""
REPLACE = {
    (
        '            if self.weight_decay:\n'
        '                g = g + self.weight_decay * p  # L2: g_t ← g_t + ω θ\n'
    ):
        '',
}
