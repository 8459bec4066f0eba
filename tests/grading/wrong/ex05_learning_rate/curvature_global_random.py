"""Draws the start from np.random instead of the rng argument.

cell: largest_curvature
task: test_largest_curvature
hint: draw the start vector from the `rng` argument
mistake: global-random
"""
REPLACE = {
    'v = rng.standard_normal(dim)': 'v = np.random.standard_normal(dim)',
}
