"""Averages dgamma and dbeta over the batch.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: your dgamma and dbeta are means over the batch
mistake: bn-sums-as-means
"""
REPLACE = {
    'dgamma = np.sum(grad_out * xhat, axis=0)': 'dgamma = np.mean(grad_out * xhat, axis=0)',
    'dbeta = np.sum(grad_out, axis=0)': 'dbeta = np.mean(grad_out, axis=0)',
}
