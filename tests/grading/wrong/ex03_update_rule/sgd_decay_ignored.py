"""weight_decay stored but never used.

cell: sgd
task: test_sgd_weight_decay
hint: weight_decay has no effect on your steps
mistake: decay-ignored
"""
REPLACE = {
    (
        '            if self.weight_decay:\n'
        '                g = g + self.weight_decay * p  # g_t ← g_t + ωθ (a new array)\n'
    ):
        '',
}
