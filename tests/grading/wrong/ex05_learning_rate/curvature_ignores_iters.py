"""Runs a fixed 100 iterations whatever `iters` says.

cell: largest_curvature
task: test_largest_curvature
hint: run `iters` iterations, as the argument says
mistake: curvature-ignores-iters
"""
REPLACE = {
    'for _ in range(iters):': 'for _ in range(100):',
}
