"""Starts every power iteration from np.ones.

cell: largest_curvature
task: test_largest_curvature
hint: your start vector has no component along the top eigenvector
mistake: curvature-fixed-start
"""
REPLACE = {
    'v = rng.standard_normal(dim)': 'v = np.ones(dim)',
}
