"""Keeps one row per example in dgamma and dbeta.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: so its gradient is the sum of the rows
mistake: grad-not-summed
"""
REPLACE = {
    'dgamma = np.sum(grad_out * xhat, axis=0)': 'dgamma = grad_out * xhat',
    'dbeta = np.sum(grad_out, axis=0)': 'dbeta = grad_out',
}
