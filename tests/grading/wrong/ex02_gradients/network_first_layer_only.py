"""Checks the first weight matrix only, as Chapter 2's example did.

cell: check_network
task: test_check_network
hint: should return a list of
mistake: checks-one-array
"""
REPLACE = {
    'for p, g in zip(net.parameters(), grads, strict=True)]':
        'for p, g in zip(net.parameters()[:1], grads[:1], strict=True)]',
}
