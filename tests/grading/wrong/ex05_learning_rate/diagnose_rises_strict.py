"""Counts a saw-tooth only for more than rise_fraction · T rises.

cell: diagnose_lr
task: test_diagnose_lr
hint: the rule says at least: use >=
mistake: diagnose-lr-rises-strict
"""
REPLACE = {
    'rises >= rise_fraction * T': 'rises > rise_fraction * T',
}
