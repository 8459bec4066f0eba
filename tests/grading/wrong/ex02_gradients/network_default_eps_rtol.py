"""gradient_check called with its defaults, not the eps and rtol given.

cell: check_network
task: test_check_network
hint: pass the eps and rtol you are given on to gradient_check
mistake: network-ignores-eps
"""
REPLACE = {
    'gradient_check(loss, p, g, eps=eps, rtol=rtol)': 'gradient_check(loss, p, g)',
}
