"""worst_index is the flat argmax, not one index per dimension.

cell: gradient_check
task: test_gradient_check
hint: a flat index into the array
mistake: flat-index
"""
REPLACE = {
    'tuple(int(i) for i in np.unravel_index(int(np.argmax(errors)), errors.shape))':
        'int(np.argmax(errors))',
    'float(errors[worst])': 'float(errors.flat[worst])',
    'analytic=float(analytic[worst]), numerical=float(numerical[worst])':
        'analytic=float(analytic.flat[worst]), numerical=float(numerical.flat[worst])',
}
