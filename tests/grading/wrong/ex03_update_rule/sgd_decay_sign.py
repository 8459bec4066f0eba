"""g - ωθ: the decay pushes away from 0.

cell: sgd
task: test_sgd_weight_decay
hint: pushes the parameters away from 0
mistake: decay-sign
"""
REPLACE = {
    'g = g + self.weight_decay * p': 'g = g - self.weight_decay * p',
}
