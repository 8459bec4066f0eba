"""Multiplies G by the raw input for dgamma.

cell: batchnorm_backward
task: test_batchnorm_backward
hint: it is Σ_n G ⊙ x̂, with the
mistake: bn-dgamma-from-x
"""
REPLACE = {
    'dgamma = np.sum(grad_out * xhat, axis=0)': 'dgamma = np.sum(grad_out * x, axis=0)',
}
