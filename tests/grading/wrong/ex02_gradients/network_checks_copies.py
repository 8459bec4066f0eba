"""Checks copies of the parameters: the loss never sees the nudges.

cell: check_network
task: test_check_network
hint: not copies
mistake: perturbs-copy
"""
REPLACE = {
    'gradient_check(loss, p, g,': 'gradient_check(loss, p.copy(), g,',
}
