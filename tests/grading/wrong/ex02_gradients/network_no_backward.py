"""Reads net.gradients() without running a backward pass first.

cell: check_network
task: test_check_network
hint: run one forward and one backward pass
mistake: no-backward-pass
"""
REPLACE = {
    'net.backward(gdlib.losses.cross_entropy_grad(net(X), y))': 'net(X)',
}
