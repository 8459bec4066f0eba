"""The worst entry taken as the argmax of the signed difference.

cell: gradient_check
task: test_gradient_check
hint: the signed difference
mistake: signed-error
"""
REPLACE = {
    'np.argmax(errors)': 'np.argmax(analytic - numerical)',
}
