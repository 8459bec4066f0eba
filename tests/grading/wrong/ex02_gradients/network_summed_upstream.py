"""Backward from the gradient of the summed loss while the mean is checked.

cell: check_network
task: test_check_network
hint: times the gradient of the mean loss
mistake: sum-not-mean
"""
REPLACE = {
    'net.backward(gdlib.losses.cross_entropy_grad(net(X), y))':
        'net.backward(len(y) * gdlib.losses.cross_entropy_grad(net(X), y))',
}
