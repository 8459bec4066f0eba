"""Compares the rises with rise_fraction · len(losses).

cell: diagnose_lr
task: test_diagnose_lr
hint: T is the number of steps, len(losses) - 1
mistake: diagnose-lr-rises-over-len
"""
REPLACE = {
    'rises >= rise_fraction * T': 'rises >= rise_fraction * len(J)',
}
