"""θ -= ωθ: the decay without the learning rate.

cell: sgd
task: test_sgd_weight_decay
hint: without the learning rate
mistake: decay-without-lr
"""
REPLACE = {
    (
        '            if self.weight_decay:\n'
        '                g = g + self.weight_decay * p  # g_t ← g_t + ωθ (a new array)\n'
    ):
        '            p -= self.weight_decay * p\n',
}
