"""analytic and numerical swapped in the result.

cell: gradient_check
task: test_gradient_check
hint: swap them
mistake: swapped-values
"""
REPLACE = {
    'analytic=float(analytic[worst]), numerical=float(numerical[worst])':
        'analytic=float(numerical[worst]), numerical=float(analytic[worst])',
}
