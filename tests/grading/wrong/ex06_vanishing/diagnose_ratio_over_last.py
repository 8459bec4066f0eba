"""Compares with ratio / last instead of ratio * last.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: the rule is more than ratio times
mistake: diagnose-grads-ratio-over-last
"""
REPLACE = {
    'norms > ratio * last': 'norms > ratio / last',
}
