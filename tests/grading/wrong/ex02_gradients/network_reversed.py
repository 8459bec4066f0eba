"""The results from the last array to the first.

cell: check_network
task: test_check_network
hint: in the reverse order
mistake: results-order
"""
REPLACE = {
    'for p, g in zip(net.parameters(), grads, strict=True)]':
        'for p, g in zip(net.parameters(), grads, strict=True)][::-1]',
}
