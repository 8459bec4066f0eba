"""Adds the step instead of subtracting it.

cell: sgd
task: test_sgd
hint: goes the opposite way
mistake: step-uphill
"""
REPLACE = {
    'p -= self.lr * g': 'p += self.lr * g',
}
