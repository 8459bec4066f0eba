"""A learning rate of 0.01 written into the step.

cell: sgd
task: test_sgd
hint: your steps do not depend on lr
mistake: lr-ignored
"""
REPLACE = {
    'p -= self.lr * g': 'p -= 0.01 * g',
}
