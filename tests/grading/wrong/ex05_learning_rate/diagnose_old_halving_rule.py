"""Keeps the previous rules' test of progress, 'has the loss halved', for the third rule.

cell: diagnose_lr
task: test_diagnose_lr
hint: the rules give 'still falling'
mistake: -
"""
REPLACE = {
    'J[-1] < settle * J[T - w]': 'J[-1] > 0.5 * J[0]',
}
